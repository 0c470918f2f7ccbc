using ConsortiumGraph.Commitments;

namespace ConsortiumGraph.Reporting;

public sealed record StatusCount(CommitmentStatus Status, int Count);
