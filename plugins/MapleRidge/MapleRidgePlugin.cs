using ConsortiumGraph.Plugins;

namespace MapleRidge;

/// <summary>
/// Maple Ridge School District (VT). Its agreement with the Maple Ridge Education Association caps
/// how much of any staff member's time may be shared, and keeps its early-release Wednesdays for
/// in-district professional learning. Its student information system (Infinite Campus) reports
/// average daily attendance and membership, which the plugin maps onto the consortium's attendance rate.
/// </summary>
public sealed class MapleRidgePlugin : IDistrictPlugin
{
    public const string DistrictCode = "5000420";
    /// <summary>MREA agreement, article 14.2: no staff member is shared for more than this fraction of FTE.</summary>
    public const double SharedFteCap = 0.6;
    /// <summary>MREA agreement, article 9.4: early-release afternoons are for in-district professional learning.</summary>
    public const DayOfWeek EarlyReleaseDay = DayOfWeek.Wednesday;

    public PluginManifest Manifest { get; } = new()
    {
        Key = "mapleRidge",
        Districts = [DistrictCode],
        Version = "1.1.0",
        Description = "Maple Ridge School District: teacher-association limits on shared staff and professional-learning days, and attendance from Infinite Campus.",
    };

    public void Register(PluginBuilder plugin)
    {
        plugin.Commitment
            .Stored("bargainingUnit", LocalFieldType.Enum("BargainingUnit", "TEACHERS", "PARAEDUCATORS", "ADMINISTRATORS", "SUPPORT_STAFF"),
                "The bargaining unit of the staff a commitment shares; its agreement governs their time.");
        plugin.District
            .Stored("sisAverageDailyAttendance", LocalFieldType.Decimal, "Average daily attendance (students present on an average day) as Infinite Campus reports it for the school year.")
            .Stored("sisAverageDailyMembership", LocalFieldType.Decimal, "Average daily membership (students enrolled on an average day) as Infinite Campus reports it.")
            .Computed("attendanceRate", LocalFieldType.Decimal,
                "Infinite Campus attendance mapped onto the consortium's ATTENDANCE_RATE indicator: ADA / ADM x 100, in percent, one decimal.",
                AttendanceRate);

        plugin.Rule<ProposedGrantSpending>("EQUIPMENT_TAGGED",
            "Equipment a grant buys for Maple Ridge joins its fixed-asset inventory.",
            (change, _) => change.ForDistrictCode == DistrictCode && change.Category == "EQUIPMENT"
                ? [Violation.Advise("Equipment bought for Maple Ridge joins its fixed-asset inventory: send the business office the serial numbers within 30 days so it is tagged.", "category")]
                : Violation.None);
        plugin.Rule<ProposedCommitment>("SHARED_STAFF_FTE_CAP",
            $"MREA agreement, article 14.2: a Maple Ridge staff member is shared for at most {SharedFteCap} FTE.",
            (change, _) => change.StaffFte > SharedFteCap
                ? [Violation.Block($"Maple Ridge's teacher-association agreement caps a shared staff member at {SharedFteCap} FTE; "
                    + $"this commits {change.StaffFte} FTE. Split it across staff members or reduce it.", "staffFte")]
                : Violation.None);
        plugin.Rule<ProposedCommitment>("BARGAINING_UNIT_RECORDED",
            "Shared staff time names the bargaining unit whose agreement covers it.",
            (change, _) => change.StaffFte > 0 && !change.Local.Has("bargainingUnit")
                ? [Violation.Advise("Record the staff's `bargainingUnit` (local.mapleRidge) so the association agreement that governs their time is clear.", "local")]
                : Violation.None);
        plugin.Rule<ProposedCommitment>("NO_SHARED_LEARNING_ON_EARLY_RELEASE",
            $"MREA agreement, article 9.4: early-release {EarlyReleaseDay}s are for in-district professional learning, not shared sessions.",
            (change, _) => change.Partnership.Kind == PartnershipKind.ProfessionalLearning && change.DueOn?.DayOfWeek == EarlyReleaseDay
                ? [Violation.Block($"{change.DueOn:yyyy-MM-dd} is a {EarlyReleaseDay}: Maple Ridge keeps its early-release {EarlyReleaseDay}s for in-district professional learning. Pick another day.", "dueOn")]
                : Violation.None);
        plugin.Rule<ProposedVote>("NO_SHARED_LEARNING_ON_EARLY_RELEASE",
            $"MREA agreement, article 9.4: Maple Ridge cannot agree to a shared professional-learning day on an early-release {EarlyReleaseDay}.",
            (change, _) => change.Choice == VoteChoice.Yes && change.Partnership.Kind == PartnershipKind.ProfessionalLearning
                && change.Decision.ScheduledOn?.DayOfWeek == EarlyReleaseDay
                ? [Violation.Block($"The decision schedules {change.Decision.ScheduledOn:yyyy-MM-dd}, a {EarlyReleaseDay}: Maple Ridge cannot vote YES for a shared "
                    + "professional-learning day on its early-release day. Vote NO or ABSTAIN, or ask for another day.", "choice")]
                : Violation.None);
    }

    private static Task<IReadOnlyList<object?>> AttendanceRate(IReadOnlyList<LocalEntity<DistrictView>> districts, PluginContext context) =>
        Task.FromResult<IReadOnlyList<object?>>(districts.Select(d =>
            d.Stored.Decimal("sisAverageDailyAttendance") is { } ada && d.Stored.Decimal("sisAverageDailyMembership") is { } adm && adm > 0
                ? (object?)Math.Round(ada / adm * 100, 1)
                : null).ToList());
}
