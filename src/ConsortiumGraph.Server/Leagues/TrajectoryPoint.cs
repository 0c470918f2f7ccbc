namespace ConsortiumGraph.Leagues;

/// <summary>One rating in a trajectory, with the League's median for the dimension that school year.</summary>
public sealed record TrajectoryPoint(DateOnly AssessedOn, string SchoolYear, int Rating, double LeagueMedian);
