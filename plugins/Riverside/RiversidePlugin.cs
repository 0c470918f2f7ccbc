using ConsortiumGraph.Plugins;

namespace Riverside;

/// <summary>
/// Riverside Valley Unified (VT), a rural district: its school board must approve any commitment above
/// $25,000 before it is made, and its students ride to shared courses, so it tracks the drive time. In the
/// League, its board hears of every school joining, its schools claim the top level of the framework only
/// with evidence, and its educators earn professional-development credit for the convenings they attend.
/// </summary>
public sealed class RiversidePlugin : IDistrictPlugin
{
    public const string DistrictCode = "5000310";
    /// <summary>Board policy F-12: commitments above this need the board's approval first.</summary>
    public const decimal BoardApprovalThreshold = 25_000m;

    public PluginManifest Manifest { get; } = new()
    {
        Key = "riverside",
        Districts = [DistrictCode],
        Version = "1.4.0",
        Description = "Riverside Valley Unified: school-board approval of large commitments, and drive times to shared courses.",
    };

    public void Register(PluginBuilder plugin)
    {
        plugin.District
            .Stored("nextBoardMeeting", LocalFieldType.Date, "Date of the next regular school-board meeting, when approvals can be voted.");
        plugin.School
            .Stored("localProgramCodes", LocalFieldType.ListOf(LocalFieldType.String), "Riverside's own program codes for the school (e.g. CTE-AG, EARLY-COLLEGE).");
        plugin.Commitment
            .Stored("boardApprovalDate", LocalFieldType.Date, $"The day the school board approved the commitment; required above ${BoardApprovalThreshold:N0}.")
            .Stored("boardMinuteRef", LocalFieldType.String, "Where the approval is recorded in the board's minutes (e.g. 2026-09-14 item 6b).");
        plugin.LeagueMembership
            .Stored("boardResolution", LocalFieldType.String, "The school board's resolution on the school's League membership (e.g. 2026-05-11 item 4).");
        plugin.ConveningRegistration
            .Stored("pdCreditCode", LocalFieldType.String, "The professional-development credit code Riverside's licensing office gives the team's educators for attending (e.g. PD-2026-117).");
        plugin.Partnership
            .Computed("transportationMinutes", LocalFieldType.Int,
                "One-way drive from Riverside's district office to the host (lead) district of a shared course, in minutes; null for other kinds of partnership.",
                TransportationMinutesAsync);

        plugin.Rule<ProposedCommitment>("BOARD_APPROVAL_REQUIRED",
            $"Board policy F-12: a commitment above ${BoardApprovalThreshold:N0} needs the board's prior approval, recorded with its date and minute reference.",
            (change, context) => BoardApproval(change.Dollars, change.Local, context.Today, "local"));
        plugin.Rule<ProposedLocalFields>("BOARD_APPROVAL_KEPT",
            "An approval on record for a commitment above the threshold cannot be removed or post-dated.",
            (change, context) => change.Entity is CommitmentView commitment ? BoardApproval(commitment.Dollars, change.Proposed, context.Today, "values") : Violation.None);
        plugin.Rule<ProposedPurchase>("PURCHASE_APPROVAL_REQUIRED",
            $"Board policy F-12: a purchase above ${BoardApprovalThreshold:N0} names the board's approval (its minute reference) or the purchase order it was approved on.",
            (change, _) => change.Total > BoardApprovalThreshold && string.IsNullOrWhiteSpace(change.ApprovalReference)
                ? [Violation.Block($"Riverside purchases above ${BoardApprovalThreshold:N0} need the board's approval: give its minute reference or the purchase order as `approvalReference`.", "approvalReference")]
                : Violation.None);
        plugin.Rule<ProposedContractAward>("CONTRACT_RATIFIED",
            "Contracts Riverside buys under are reported to the board at its next meeting.",
            (change, _) => change.UnitPrice * change.EstimatedQuantity > BoardApprovalThreshold
                ? [Violation.Advise($"The {change.Vendor} contract for {change.Item} is above ${BoardApprovalThreshold:N0} in all; list it on the next board agenda before Riverside buys under it.")]
                : Violation.None);
        plugin.Rule<ProposedLeagueJoining>("LEAGUE_BOARD_NOTICE",
            "The school board hears of every Riverside school joining a League, and records its resolution on the membership.",
            (change, _) => [Violation.Advise($"List {change.SchoolName}'s membership of {change.LeagueName} on the next board agenda, and record the board's resolution as `boardResolution` on the membership.")]);
        plugin.Rule<ProposedSelfAssessment>("EXEMPLARY_NEEDS_EVIDENCE",
            "A Riverside school rates itself at the framework's top level only with the evidence for it, which the superintendent reviews.",
            (change, _) => change.Ratings.Select((rating, i) => (rating, i))
                .Where(r => r.rating.Rating == change.Levels.Count && string.IsNullOrWhiteSpace(r.rating.Evidence))
                .Select(r => Violation.Block($"{r.rating.Dimension} is rated {change.Levels[^1]}, the top level: give the evidence for it.", $"ratings.{r.i}.evidence")));
        plugin.Rule<ProposedVote>("BUDGET_VOTES_RATIFIED",
            "Riverside's votes on budget decisions are ratified by the board at its next meeting.",
            (change, _) => change.Decision.Area.Equals("budget", StringComparison.OrdinalIgnoreCase)
                ? [Violation.Advise("Riverside's vote is recorded; the school board ratifies budget votes at its next meeting, so list it on that agenda.")]
                : Violation.None);
    }

    private static IEnumerable<Violation> BoardApproval(decimal? dollars, LocalValues local, DateOnly today, string input)
    {
        if (dollars is not { } amount || amount <= BoardApprovalThreshold) yield break;
        var approved = local.Date("boardApprovalDate");
        if (approved is null || !local.Has("boardMinuteRef"))
            yield return Violation.Block($"Riverside commitments above ${BoardApprovalThreshold:N0} need the school board's approval first: "
                + "record `boardApprovalDate` and `boardMinuteRef` from the meeting's minutes.", $"{input}.boardApprovalDate");
        else if (approved > today)
            yield return Violation.Block("`boardApprovalDate` is in the future: the board must have approved before the commitment is made.", $"{input}.boardApprovalDate");
    }

    private static async Task<IReadOnlyList<object?>> TransportationMinutesAsync(IReadOnlyList<LocalEntity<PartnershipView>> partnerships, PluginContext context)
    {
        var hosts = partnerships.Select(p => HostOf(p.Entity)).Where(c => c is not null).Select(c => c!).Distinct().ToList();
        // One read for every partnership in the list, not one per partnership.
        var offices = (await context.Data.DistrictsAsync([DistrictCode, .. hosts], context.CancellationToken)).ToDictionary(d => d.Code);
        return partnerships.Select(p => HostOf(p.Entity) is { } host && offices.TryGetValue(host, out var to) && offices.TryGetValue(DistrictCode, out var from)
            ? (object?)DriveMinutes(from, to)
            : null).ToList();
    }

    private static string? HostOf(PartnershipView partnership) =>
        partnership.Kind == PartnershipKind.SharedCourse
            ? partnership.Members.FirstOrDefault(m => m.Role == MemberRole.Lead && m.DistrictCode != DistrictCode)?.DistrictCode
            : null;

    /// <summary>Great-circle distance, times 1.3 for winding rural roads, at 40 mph: how the transportation office estimates runs.</summary>
    public static int? DriveMinutes(DistrictView from, DistrictView to)
    {
        if (from.Latitude is not { } lat1 || from.Longitude is not { } lon1 || to.Latitude is not { } lat2 || to.Longitude is not { } lon2) return null;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2);
        var miles = 3958.8 * 2 * Math.Asin(Math.Sqrt(a));
        return (int)Math.Round(miles * 1.3 / 40 * 60);
    }
}
