namespace ConsortiumGraph.Plugins;

// Read-only copies of core data handed to plugin code. IDs are the API's global IDs; districts and
// schools are also named by their codes, which is how plugins usually know them.

/// <summary>A district.</summary>
public sealed class DistrictView
{
    /// <summary>The global ID the API shows for it (what `node(id:)` and mutations take).</summary>
    public required string Id { get; init; }
    /// <summary>Stable external code (usually the federal LEA id).</summary>
    public required string Code { get; init; }
    /// <summary>The name the directory shows.</summary>
    public required string Name { get; init; }
    /// <summary>Two-letter state code.</summary>
    public required string State { get; init; }
    /// <summary>NCES locale category.</summary>
    public required Locale Locale { get; init; }
    /// <summary>Students enrolled.</summary>
    public required int Enrollment { get; init; }
    /// <summary>Staff available for consortium work, in FTE.</summary>
    public double? StaffCapacityFte { get; init; }
    /// <summary>The student information system the district runs.</summary>
    public string? DataSystem { get; init; }
    /// <summary>Latitude of the district office.</summary>
    public double? Latitude { get; init; }
    /// <summary>Longitude of the district office.</summary>
    public double? Longitude { get; init; }
}

/// <summary>A school.</summary>
public sealed class SchoolView
{
    /// <summary>The global ID the API shows for it (what `node(id:)` and mutations take).</summary>
    public required string Id { get; init; }
    /// <summary>The school's code.</summary>
    public required string Code { get; init; }
    /// <summary>The name the directory shows.</summary>
    public required string Name { get; init; }
    /// <summary>Code of the school's district.</summary>
    public required string DistrictCode { get; init; }
    /// <summary>Students enrolled.</summary>
    public required int Enrollment { get; init; }
    /// <summary>Whether the school is in the consortium's learning network.</summary>
    public required bool LeagueMember { get; init; }
}

/// <summary>A partnership with its members.</summary>
public sealed class PartnershipView
{
    /// <summary>The global ID the API shows for it (what `node(id:)` and mutations take).</summary>
    public required string Id { get; init; }
    /// <summary>The name the directory shows.</summary>
    public required string Name { get; init; }
    /// <summary>Kind of collaboration.</summary>
    public required PartnershipKind Kind { get; init; }
    /// <summary>Lifecycle status.</summary>
    public required PartnershipStatus Status { get; init; }
    /// <summary>First day of the work.</summary>
    public DateOnly? StartsOn { get; init; }
    /// <summary>Last day of the work.</summary>
    public DateOnly? EndsOn { get; init; }
    /// <summary>The member districts and their roles.</summary>
    public required IReadOnlyList<MemberView> Members { get; init; }
}

/// <summary>A member district of a partnership.</summary>
public sealed class MemberView
{
    /// <summary>The member's district code.</summary>
    public required string DistrictCode { get; init; }
    /// <summary>Its most significant role: <see cref="MemberRole.Lead"/>, then <see cref="MemberRole.FiscalAgent"/>, else <see cref="MemberRole.Member"/>. A member can hold several (<see cref="Roles"/>).</summary>
    public required MemberRole Role { get; init; }
    /// <summary>Every role it holds, most significant first; always ends with <see cref="MemberRole.Member"/>. (SDK 1.1)</summary>
    public IReadOnlyList<MemberRole> Roles { get; init; } = [];
    /// <summary>When it joined.</summary>
    public required DateOnly JoinedOn { get; init; }
    /// <summary>The day it stops (or stopped) being a member, once it gave notice; null while it stays. (SDK 1.1)</summary>
    public DateOnly? LeftOn { get; init; }
}

/// <summary>A commitment.</summary>
public sealed class CommitmentView
{
    /// <summary>The global ID the API shows for it (what `node(id:)` and mutations take).</summary>
    public required string Id { get; init; }
    /// <summary>What is committed to.</summary>
    public required string Title { get; init; }
    /// <summary>Global ID of the partnership.</summary>
    public required string PartnershipId { get; init; }
    /// <summary>Code of the committing district.</summary>
    public required string DistrictCode { get; init; }
    /// <summary>Code of the school, when the commitment is a school's.</summary>
    public string? SchoolCode { get; init; }
    /// <summary>Due date.</summary>
    public DateOnly? DueOn { get; init; }
    /// <summary>Status.</summary>
    public required CommitmentStatus Status { get; init; }
    /// <summary>Dollars committed.</summary>
    public decimal? Dollars { get; init; }
    /// <summary>Staff time committed, in FTE.</summary>
    public double? StaffFte { get; init; }
    /// <summary>Student seats committed.</summary>
    public int? StudentSeats { get; init; }
}

/// <summary>A decision put to a partnership's members.</summary>
public sealed class DecisionView
{
    /// <summary>The global ID the API shows for it (what `node(id:)` and mutations take).</summary>
    public required string Id { get; init; }
    /// <summary>The decision area (budget, staffing...).</summary>
    public required string Area { get; init; }
    /// <summary>What is being decided.</summary>
    public required string Title { get; init; }
    /// <summary>The day the decided activity takes place, if the decision schedules one.</summary>
    public DateOnly? ScheduledOn { get; init; }
    /// <summary>When voting closes.</summary>
    public required DateTime Deadline { get; init; }
}

/// <summary>A day of a district's calendar.</summary>
public sealed class CalendarDayView
{
    /// <summary>The date.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Whether students attend.</summary>
    public required bool InSession { get; init; }
    /// <summary>Whether students are dismissed early.</summary>
    public required bool EarlyRelease { get; init; }
    /// <summary>Holiday, closure or event.</summary>
    public string? Note { get; init; }
}

/// <summary>A school's membership in a League of its consortium: asked for, active once its letter is signed, or ended. (SDK 1.3)</summary>
public sealed class LeagueMembershipView
{
    /// <summary>The global ID the API shows for it (what `node(id:)` and mutations take).</summary>
    public required string Id { get; init; }
    /// <summary>Global ID of the League.</summary>
    public required string LeagueId { get; init; }
    /// <summary>The League's name.</summary>
    public required string LeagueName { get; init; }
    /// <summary>Code of the member school.</summary>
    public required string SchoolCode { get; init; }
    /// <summary>The school's name.</summary>
    public required string SchoolName { get; init; }
    /// <summary>Code of the school's district.</summary>
    public required string DistrictCode { get; init; }
    /// <summary>The day the school asked to join.</summary>
    public required DateOnly RequestedOn { get; init; }
    /// <summary>The day its letter of commitment was fully signed; null while signatures are missing.</summary>
    public DateOnly? JoinedOn { get; init; }
    /// <summary>The day it left; null while it is a member.</summary>
    public DateOnly? LeftOn { get; init; }
}

/// <summary>A school team's registration for a League convening (a state or regional event). (SDK 1.3)</summary>
public sealed class ConveningRegistrationView
{
    /// <summary>The global ID the API shows for it (what `node(id:)` and mutations take).</summary>
    public required string Id { get; init; }
    /// <summary>Global ID of the convening.</summary>
    public required string ConveningId { get; init; }
    /// <summary>The convening's title.</summary>
    public required string ConveningTitle { get; init; }
    /// <summary>The convening's day.</summary>
    public required DateOnly HeldOn { get; init; }
    /// <summary>Code of the registered school.</summary>
    public required string SchoolCode { get; init; }
    /// <summary>Code of the school's district.</summary>
    public required string DistrictCode { get; init; }
    /// <summary>Educators on the team.</summary>
    public required int TeamSize { get; init; }
    /// <summary>How many of the team attended; null until recorded.</summary>
    public int? Attended { get; init; }
}
