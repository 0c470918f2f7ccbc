namespace ConsortiumGraph.Calendars;

/// <summary>What a district published for a school year.</summary>
public sealed record CalendarPublication(int DistrictId, string SchoolYear, DateOnly FirstDay, DateOnly LastDay, int InstructionalDays, int EarlyReleaseDays,
    int ChangedDays, IReadOnlyList<string> IgnoredEvents);
