namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>A violation as it travels back from a rule.</summary>
public sealed record ViolationReply(string Message, string? Field, RuleSeverity Severity);
