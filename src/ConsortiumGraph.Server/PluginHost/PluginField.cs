using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Runner.Protocol;

namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin's field; <see cref="Compute"/> is the typed compute delegate behind an untyped call, for computed fields.</summary>
public sealed record PluginField(LocalField Definition, UntypedCompute? Compute)
{
    public string Name => Definition.Name;

    /// <summary>
    /// Runs a computed field for entities (their views, and the plugin's stored values on each): one value per
    /// entity, each checked against the declared type. Whatever the plugin's code does wrong comes back as
    /// <see cref="PluginFailedException"/>, for the caller to turn into its kind of error.
    /// </summary>
    public async Task<IReadOnlyList<object?>> ComputeAsync(IReadOnlyList<object> views, IReadOnlyList<LocalValues> stored, PluginContext context)
    {
        try
        {
            var values = await Compute!(views, stored, context);
            if (values is null || values.Count != views.Count)
                throw new InvalidOperationException($"It returned {values?.Count ?? 0} values for {views.Count} entities; return one per entity, in order.");
            return [.. values.Select(v => LocalFields.LocalValueCodec.Normalize(Definition.Type, v, Name))];
        }
        catch (PluginFailedException e)
        {
            throw new PluginFailedException($"Computing `{Name}` failed: {e.Message}", e, e.Code);
        }
        catch (PluginTimeoutException e)
        {
            throw new PluginFailedException($"Computing `{Name}` failed: {e.Message}", e, PluginFailedException.TimedOut);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new PluginFailedException($"Computing `{Name}` failed: {e.Message}", e);
        }
    }
}
