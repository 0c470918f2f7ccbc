using System.ComponentModel;
using System.Text.RegularExpressions;
using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Indicators;

public sealed class DataSharingConsentPayloadType() : PayloadType<DataSharingConsentType, DataSharingConsent>(
    "DataSharingConsentPayload", "consent", "The consent as stored.");
