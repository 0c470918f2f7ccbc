namespace ConsortiumGraph.Plugins;

/// <summary>A future SDK whose contract changed (a breaking major version).</summary>
public interface IDistrictPlugin
{
    string Key { get; }
    void Register(object plugin);
}
