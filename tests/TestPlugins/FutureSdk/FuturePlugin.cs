using ConsortiumGraph.Plugins;

namespace FutureSdk;

/// <summary>A plugin built against SDK 2.0.</summary>
public sealed class FuturePlugin : IDistrictPlugin
{
    public string Key => "future";
    public void Register(object plugin) { }
}
