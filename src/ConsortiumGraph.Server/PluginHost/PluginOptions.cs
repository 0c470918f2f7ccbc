namespace ConsortiumGraph.PluginHost;

/// <summary>The <c>Plugins</c> settings: where plugins come from, whether they need approval, and what their runners may use.</summary>
public sealed class PluginOptions
{
    /// <summary>The plugins folder, one sub-folder per plugin (default <c>plugins</c> beside the server).</summary>
    public string Path { get; set; } = "plugins";

    /// <summary>Reload when the folder's files change (hot reload); on by default.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// Serve a plugin build only once a consortium admin approved it (<c>approvePlugin</c>). Null means the
    /// default: required everywhere but in Development.
    /// </summary>
    public bool? RequireApproval { get; set; }

    /// <summary>How runners are confined: <c>Auto</c> (bubblewrap where it works), <c>Bubblewrap</c> (required), or <c>None</c>.</summary>
    public PluginSandboxMode Sandbox { get; set; } = PluginSandboxMode.Auto;

    /// <summary>The most managed memory a runner may use (its GC heap hard limit), in MiB.</summary>
    public int MemoryLimitMb { get; set; } = 256;

    /// <summary>How long one computed field may take for one batch of entities before PLUGIN_TIMEOUT.</summary>
    public TimeSpan FieldTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one rule may take on one change before PLUGIN_TIMEOUT.</summary>
    public TimeSpan RuleTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a runner may take to start, load its plugin and answer its manifest and declarations.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failing runner is restarted (with backoff) before its plugin is marked rejected.</summary>
    public int MaxRestarts { get; set; } = 5;

    /// <summary>Where the runner's files are; default the server's own folder, where the build puts them.</summary>
    public string? RunnerPath { get; set; }
}
