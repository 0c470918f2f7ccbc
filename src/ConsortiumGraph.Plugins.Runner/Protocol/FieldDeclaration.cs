namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>A declared local field.</summary>
public sealed record FieldDeclaration(string Entity, string Name, TypeDeclaration? Type, string Description, bool Required, bool Computed);
