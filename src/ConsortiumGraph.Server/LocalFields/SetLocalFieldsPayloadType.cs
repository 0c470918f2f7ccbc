using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.LocalFields;

public sealed class SetLocalFieldsPayloadType() : PayloadType<NodeInterface, object>(
    "SetLocalFieldsPayload", "node", "The entity whose local fields were written; null when there are errors.");
