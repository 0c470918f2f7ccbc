namespace ConsortiumGraph.Plugins;

/// <summary>
/// A change a core mutation proposes, handed to the local rules of the plugins whose district it
/// involves (<see cref="DistrictCode"/>). It has passed the consortium's own checks.
/// </summary>
public abstract class ProposedChange
{
    private protected ProposedChange() { }

    /// <summary>Code of the district the change involves: the one committing, joining, signing, voting, reporting or written to.</summary>
    public required string DistrictCode { get; init; }
}

/// <summary>
/// <c>createCommitment</c>: a district commits to something in a partnership; or <c>updateCommitment</c>: it
/// changes a commitment (then <see cref="Existing"/> is the commitment as stored, and the other properties are
/// the commitment as it would be), so one rule checks both.
/// </summary>
public sealed class ProposedCommitment : ProposedChange
{
    /// <summary>The commitment as stored, when an update changes it; null when it is created. (SDK 1.1)</summary>
    public CommitmentView? Existing { get; init; }
    /// <summary>The partnership.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>Code of the school, when the commitment is a school's.</summary>
    public string? SchoolCode { get; init; }
    /// <summary>What is committed to.</summary>
    public required string Title { get; init; }
    /// <summary>Due date.</summary>
    public DateOnly? DueOn { get; init; }
    /// <summary>Dollars committed.</summary>
    public decimal? Dollars { get; init; }
    /// <summary>Staff time committed, in FTE.</summary>
    public double? StaffFte { get; init; }
    /// <summary>Student seats committed.</summary>
    public int? StudentSeats { get; init; }
    /// <summary>This plugin's local field values: sent with a new commitment (input <c>local</c>), or stored on an updated one.</summary>
    public required LocalValues Local { get; init; }
}

/// <summary><c>joinPartnership</c>: a district joins a partnership.</summary>
public sealed class ProposedMembership : ProposedChange
{
    /// <summary>The partnership, with its current members.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>The role the district would take.</summary>
    public required MemberRole Role { get; init; }
}

/// <summary><c>leavePartnership</c>: a member district gives notice that it leaves a partnership. (SDK 1.1)</summary>
public sealed class ProposedLeaving : ProposedChange
{
    /// <summary>The partnership, with its current members (the leaving one among them).</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>The first day the district would no longer be a member.</summary>
    public required DateOnly EffectiveOn { get; init; }
}

/// <summary><c>signAgreement</c>: a district signs its partnership's agreement.</summary>
public sealed class ProposedSignature : ProposedChange
{
    /// <summary>The partnership.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>The agreement's version.</summary>
    public required int AgreementVersion { get; init; }
    /// <summary>The agreement's title.</summary>
    public required string AgreementTitle { get; init; }
    /// <summary>Who signs for the district.</summary>
    public required string SignedBy { get; init; }
}

/// <summary>
/// <c>amendAgreement</c> or <c>renewAgreement</c>: a new version of a partnership's agreement, which every member
/// signs again; checked once for each member district. (SDK 1.1)
/// </summary>
public sealed class ProposedAgreementVersion : ProposedChange
{
    /// <summary>The partnership, with its current members.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>The new version's number.</summary>
    public required int Version { get; init; }
    /// <summary>Its title.</summary>
    public required string Title { get; init; }
    /// <summary>Its terms, in full.</summary>
    public required string Terms { get; init; }
    /// <summary>What it changes and why.</summary>
    public required string ChangeSummary { get; init; }
    /// <summary>The last day of its term, if it has one.</summary>
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>True for a renewal (same terms, a new term), false for an amendment (changed terms).</summary>
    public required bool IsRenewal { get; init; }
}

/// <summary><c>castVote</c>: a district votes on a decision.</summary>
public sealed class ProposedVote : ProposedChange
{
    /// <summary>The decision.</summary>
    public required DecisionView Decision { get; init; }
    /// <summary>The decision's partnership.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>The vote.</summary>
    public required VoteChoice Choice { get; init; }
    /// <summary>The district's comment.</summary>
    public string? Comment { get; init; }
}

/// <summary><c>reportProgress</c>: a district reports progress on its commitment.</summary>
public sealed class ProposedProgress : ProposedChange
{
    /// <summary>The commitment as it is now.</summary>
    public required CommitmentView Commitment { get; init; }
    /// <summary>The status reported.</summary>
    public required CommitmentStatus Status { get; init; }
    /// <summary>How much is done, 0 to 100.</summary>
    public int? PercentComplete { get; init; }
    /// <summary>The note.</summary>
    public string? Note { get; init; }
}

/// <summary><c>reopenCommitment</c>: a district takes up a commitment it had dropped. (SDK 1.1)</summary>
public sealed class ProposedReopening : ProposedChange
{
    /// <summary>The commitment as it is now (DROPPED).</summary>
    public required CommitmentView Commitment { get; init; }
    /// <summary>The status it would reopen with: PLANNED, ON_TRACK or AT_RISK.</summary>
    public required CommitmentStatus Status { get; init; }
    /// <summary>Why it is taken up again.</summary>
    public string? Note { get; init; }
}

/// <summary><c>setLocalFields</c>: this plugin's stored fields on an entity are written. (Values sent with <c>createCommitment</c> reach <see cref="ProposedCommitment.Local"/> instead.)</summary>
public sealed class ProposedLocalFields : ProposedChange
{
    /// <summary>The core type: District, School, Partnership, Commitment, LeagueMembership or ConveningRegistration (the last two SDK 1.3).</summary>
    public required string EntityType { get; init; }
    /// <summary>The entity: a <see cref="DistrictView"/>, <see cref="SchoolView"/>, <see cref="PartnershipView"/>, <see cref="CommitmentView"/>, <see cref="LeagueMembershipView"/> or <see cref="ConveningRegistrationView"/>.</summary>
    public required object Entity { get; init; }
    /// <summary>The plugin's values on the entity before the write.</summary>
    public required LocalValues Current { get; init; }
    /// <summary>The plugin's values on the entity after the write.</summary>
    public required LocalValues Proposed { get; init; }
}

/// <summary>
/// <c>awardContract</c>: a partnership awards a joint purchase to a vendor's quote, the contract its members buy
/// under; checked once for each member district. (SDK 1.2)
/// </summary>
public sealed class ProposedContractAward : ProposedChange
{
    /// <summary>The partnership, with its current members.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>What is bought.</summary>
    public required string Item { get; init; }
    /// <summary>The unit the price is per.</summary>
    public required string Unit { get; init; }
    /// <summary>The vendor awarded.</summary>
    public required string Vendor { get; init; }
    /// <summary>The contract price per unit, exact to the cent, in the consortium's currency.</summary>
    public required decimal UnitPrice { get; init; }
    /// <summary>How many units all members together expect to buy.</summary>
    public required int EstimatedQuantity { get; init; }
    /// <summary>The contract's first day.</summary>
    public required DateOnly StartsOn { get; init; }
    /// <summary>The contract's last day.</summary>
    public required DateOnly EndsOn { get; init; }
}

/// <summary><c>recordPurchase</c> and each line of <c>importPurchases</c>: a member district buys under a contract. (SDK 1.2)</summary>
public sealed class ProposedPurchase : ProposedChange
{
    /// <summary>The partnership whose contract it is.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>What is bought.</summary>
    public required string Item { get; init; }
    /// <summary>The unit the prices are per.</summary>
    public required string Unit { get; init; }
    /// <summary>Whole units bought.</summary>
    public required int Quantity { get; init; }
    /// <summary>The contract price per unit.</summary>
    public required decimal ContractUnitPrice { get; init; }
    /// <summary>What the district would have paid per unit alone.</summary>
    public required decimal StandaloneUnitPrice { get; init; }
    /// <summary>The day bought.</summary>
    public required DateOnly PurchasedOn { get; init; }
    /// <summary>The district's own approval of the purchase (a purchase order, a board minute), when given.</summary>
    public string? ApprovalReference { get; init; }
    /// <summary>What the purchase costs at the contract price: <see cref="Quantity"/> times <see cref="ContractUnitPrice"/>.</summary>
    public decimal Total => Quantity * ContractUnitPrice;
}

/// <summary>
/// <c>recordExpenditure</c>: the fiscal agent records grant (or match) spending; checked for the fiscal agent's district, and
/// for the member district the spending is for when it is another. (SDK 1.2)
/// </summary>
public sealed class ProposedGrantSpending : ProposedChange
{
    /// <summary>The funded partnership.</summary>
    public required PartnershipView Partnership { get; init; }
    /// <summary>The funder's name.</summary>
    public required string Funder { get; init; }
    /// <summary>The funder's award number, when it has one.</summary>
    public string? AwardNumber { get; init; }
    /// <summary>Code of the fiscal agent, which keeps the books.</summary>
    public required string FiscalAgentCode { get; init; }
    /// <summary>Code of the member district the spending is for; null for the partnership as a whole.</summary>
    public string? ForDistrictCode { get; init; }
    /// <summary>The day spent.</summary>
    public required DateOnly SpentOn { get; init; }
    /// <summary>The budget category as the schema names it: PERSONNEL, BENEFITS, CONTRACTED_SERVICES, SUPPLIES, TRAVEL, EQUIPMENT, INDIRECT or OTHER.</summary>
    public required string Category { get; init; }
    /// <summary>The amount, exact to the cent, in the consortium's currency.</summary>
    public required decimal Amount { get; init; }
    /// <summary>What was bought or paid.</summary>
    public required string Description { get; init; }
    /// <summary>True for the members' own contribution toward the match, false for spending from the grant.</summary>
    public required bool IsMatch { get; init; }
}

/// <summary><c>joinLeague</c>: a school of the district asks to join a League of its consortium. (SDK 1.3)</summary>
public sealed class ProposedLeagueJoining : ProposedChange
{
    /// <summary>Global ID of the League.</summary>
    public required string LeagueId { get; init; }
    /// <summary>The League's name.</summary>
    public required string LeagueName { get; init; }
    /// <summary>The commitment the school's letter makes, in full.</summary>
    public required string Commitment { get; init; }
    /// <summary>Code of the school.</summary>
    public required string SchoolCode { get; init; }
    /// <summary>The school's name.</summary>
    public required string SchoolName { get; init; }
    /// <summary>The day the school asks.</summary>
    public required DateOnly RequestedOn { get; init; }
}

/// <summary><c>recordSelfAssessment</c>: a member school of the district rates itself against the League's framework. (SDK 1.3)</summary>
public sealed class ProposedSelfAssessment : ProposedChange
{
    /// <summary>The school's membership.</summary>
    public required LeagueMembershipView Membership { get; init; }
    /// <summary>The framework version rated against (the one in force).</summary>
    public required int FrameworkVersion { get; init; }
    /// <summary>The framework's levels, lowest first: rating 1 is the first.</summary>
    public required IReadOnlyList<string> Levels { get; init; }
    /// <summary>The day of the assessment.</summary>
    public required DateOnly AssessedOn { get; init; }
    /// <summary>The ratings, one per dimension rated.</summary>
    public required IReadOnlyList<ProposedRating> Ratings { get; init; }
    /// <summary>The leadership team's notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>One dimension's rating in a <see cref="ProposedSelfAssessment"/>. (SDK 1.3)</summary>
public sealed class ProposedRating
{
    /// <summary>The dimension's key.</summary>
    public required string Dimension { get; init; }
    /// <summary>The rating, 1 to the number of levels.</summary>
    public required int Rating { get; init; }
    /// <summary>The evidence given for it.</summary>
    public string? Evidence { get; init; }
}
