namespace ConsortiumGraph.Leagues;

/// <summary>A school's ratings on one dimension, first to latest, and its own rate of change.</summary>
public sealed record DimensionTrajectory(string Dimension, IReadOnlyList<TrajectoryPoint> Points, int Baseline, int Latest, int Change, double? ChangePerYear);
