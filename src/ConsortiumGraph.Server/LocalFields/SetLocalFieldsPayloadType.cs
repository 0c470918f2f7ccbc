using ConsortiumGraph.Graph;

namespace ConsortiumGraph.LocalFields;

public sealed class SetLocalFieldsPayloadType() : PayloadType<NodeInterface, object>(
    "SetLocalFieldsPayload", "node", "The entity whose local fields were written; null when there are errors.");
