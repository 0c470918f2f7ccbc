using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>What a mutation shows district plugins of the entities it changes.</summary>
public static class MutationViews
{
    /// <summary>The partnership as the change's plugins see it, with its members as stored.</summary>
    public static async Task<PartnershipView> PartnershipViewAsync<TInput>(this MutationContext<TInput> m, int partnershipId) =>
        (await PluginViews.PartnershipsAsync(m.Db, [partnershipId], m.Field.CancellationToken))[partnershipId];
}
