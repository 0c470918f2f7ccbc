using ConsortiumGraph.Graph;

namespace ConsortiumGraph.Indicators;

public sealed class DataSharingConsentPayloadType() : PayloadType<DataSharingConsentType, DataSharingConsent>(
    "DataSharingConsentPayload", "consent", "The consent as stored.");
