namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>A declared rule; <see cref="Change"/> names the <see cref="ProposedChange"/> type it checks.</summary>
public sealed record RuleDeclaration(string Name, string Description, string Change);
