namespace ConsortiumGraph.PluginHost;

/// <summary>How plugin runners are confined.</summary>
public enum PluginSandboxMode
{
    /// <summary>bubblewrap on Linux where it is installed and works; otherwise a clean environment only.</summary>
    Auto,
    /// <summary>bubblewrap, or no plugin runs.</summary>
    Bubblewrap,
    /// <summary>A clean environment and arguments only: the runner runs as the server's user, with its file and network access.</summary>
    None,
}
