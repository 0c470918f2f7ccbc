namespace ConsortiumGraph.Leagues;

/// <summary>A member school seen from one dimension: where it rates itself, whether it is working on it, what it shares on it.</summary>
public sealed record DimensionPeer(int MembershipId, int? LatestRating, int OpenCommitments, int PracticesShared);
