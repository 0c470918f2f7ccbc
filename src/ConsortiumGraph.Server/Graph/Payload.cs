namespace ConsortiumGraph.Graph;

/// <summary>What a mutation returns: the changed object, or the errors that kept it from changing; and advisory warnings either way.</summary>
public sealed record Payload<T>(T? Value, IReadOnlyList<UserError> Errors, IReadOnlyList<RuleViolation> Warnings);
