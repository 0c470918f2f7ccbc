using ConsortiumGraph.Agreements;
using ConsortiumGraph.Calendars;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConsortiumGraph.Data;

/// <summary>
/// The consortium database. Each provider has a subclass so that each keeps its own migrations;
/// everything else works against this type.
/// </summary>
public abstract class ConsortiumDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Consortium> Consortia => Set<Consortium>();
    public DbSet<ConsortiumMembership> ConsortiumMemberships => Set<ConsortiumMembership>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();
    public DbSet<DecisionRight> DecisionRights => Set<DecisionRight>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<ProposedDecisionRight> ProposedDecisionRights => Set<ProposedDecisionRight>();
    public DbSet<Funder> Funders => Set<Funder>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<GrantAmendment> GrantAmendments => Set<GrantAmendment>();
    public DbSet<GrantBudgetRevision> GrantBudgetRevisions => Set<GrantBudgetRevision>();
    public DbSet<GrantBudgetLine> GrantBudgetLines => Set<GrantBudgetLine>();
    public DbSet<Drawdown> Drawdowns => Set<Drawdown>();
    public DbSet<Expenditure> Expenditures => Set<Expenditure>();
    public DbSet<GrantReport> GrantReports => Set<GrantReport>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<LocalFields.LocalFieldValue> LocalFieldValues => Set<LocalFields.LocalFieldValue>();
    public DbSet<Access.ApiKey> ApiKeys => Set<Access.ApiKey>();
    public DbSet<Access.ApiKeyConsortium> ApiKeyConsortia => Set<Access.ApiKeyConsortium>();
    public DbSet<IndicatorValueRevision> IndicatorValueRevisions => Set<IndicatorValueRevision>();
    public DbSet<DataSharingConsent> DataSharingConsents => Set<DataSharingConsent>();
    public DbSet<Purchasing.PurchaseLine> PurchaseLines => Set<Purchasing.PurchaseLine>();
    public DbSet<Purchasing.Vendor> Vendors => Set<Purchasing.Vendor>();
    public DbSet<Purchasing.PurchasingRound> PurchasingRounds => Set<Purchasing.PurchasingRound>();
    public DbSet<Purchasing.Quote> Quotes => Set<Purchasing.Quote>();
    public DbSet<Purchasing.Contract> Contracts => Set<Purchasing.Contract>();
    public DbSet<CostSharing.SharedPosition> SharedPositions => Set<CostSharing.SharedPosition>();
    public DbSet<CostSharing.PositionShare> PositionShares => Set<CostSharing.PositionShare>();
    public DbSet<CostSharing.CourseEnrollment> CourseEnrollments => Set<CostSharing.CourseEnrollment>();
    public DbSet<CostSharing.InterDistrictInvoice> InterDistrictInvoices => Set<CostSharing.InterDistrictInvoice>();
    public DbSet<CostSharing.InvoiceLine> InvoiceLines => Set<CostSharing.InvoiceLine>();
    public DbSet<CostSharing.InvoicePayment> InvoicePayments => Set<CostSharing.InvoicePayment>();
    public DbSet<Access.AuditEntry> AuditEntries => Set<Access.AuditEntry>();
    public DbSet<PluginHost.PluginApproval> PluginApprovals => Set<PluginHost.PluginApproval>();
    public DbSet<Leagues.League> Leagues => Set<Leagues.League>();
    public DbSet<Leagues.ImprovementFramework> ImprovementFrameworks => Set<Leagues.ImprovementFramework>();
    public DbSet<Leagues.FrameworkDimension> FrameworkDimensions => Set<Leagues.FrameworkDimension>();
    public DbSet<Leagues.LeagueMembership> LeagueMemberships => Set<Leagues.LeagueMembership>();
    public DbSet<Leagues.LetterSignature> LetterSignatures => Set<Leagues.LetterSignature>();
    public DbSet<Leagues.SelfAssessment> SelfAssessments => Set<Leagues.SelfAssessment>();
    public DbSet<Leagues.DimensionRating> DimensionRatings => Set<Leagues.DimensionRating>();
    public DbSet<Leagues.Educator> Educators => Set<Leagues.Educator>();
    public DbSet<Leagues.PeerVisit> PeerVisits => Set<Leagues.PeerVisit>();
    public DbSet<Leagues.PeerVisitor> PeerVisitors => Set<Leagues.PeerVisitor>();
    public DbSet<Leagues.VisitFeedback> VisitFeedback => Set<Leagues.VisitFeedback>();
    public DbSet<Leagues.SharedPractice> SharedPractices => Set<Leagues.SharedPractice>();
    public DbSet<Leagues.ImprovementCommitment> ImprovementCommitments => Set<Leagues.ImprovementCommitment>();
    public DbSet<Leagues.ImprovementProgress> ImprovementProgress => Set<Leagues.ImprovementProgress>();
    public DbSet<Leagues.Convening> Convenings => Set<Leagues.Convening>();
    public DbSet<Leagues.ConveningRegistration> ConveningRegistrations => Set<Leagues.ConveningRegistration>();
    public DbSet<Policy.PolicyItem> PolicyItems => Set<Policy.PolicyItem>();
    public DbSet<Policy.PolicyPartnership> PolicyPartnerships => Set<Policy.PolicyPartnership>();
    public DbSet<Leagues.LearningGroup> LearningGroups => Set<Leagues.LearningGroup>();
    public DbSet<Leagues.LearningGroupMember> LearningGroupMembers => Set<Leagues.LearningGroupMember>();
    public DbSet<Leagues.LearningGroupMeeting> LearningGroupMeetings => Set<Leagues.LearningGroupMeeting>();
    public DbSet<Leagues.LearningGroupAttendance> LearningGroupAttendance => Set<Leagues.LearningGroupAttendance>();

    // The rows the caller may read (see Access/Caller.Apply). A new context is unrestricted: start-up,
    // the deadline sweep and plugin data read everything; a request's contexts are narrowed to its caller.
    public bool Unrestricted { get; set; } = true;
    public bool DirectoryOnly { get; set; }
    public int[] VisibleConsortia { get; set; } = [];
    /// <summary>The consortia whose League records the caller reads: its visible consortia, or a school leader's Leagues.</summary>
    public int[] LeagueConsortia { get; set; } = [];
    public int[] FundedPartnerships { get; set; } = [];
    public int FunderId { get; set; }
    public int[] VisibleDistricts { get; set; } = [];
    /// <summary>The consortia the caller administers (admins only): whose API keys it may see.</summary>
    public int[] AdministeredConsortia { get; set; } = [];
    /// <summary>
    /// District staff read one district's business records (what it was allocated, spent, bought, owes) only for
    /// their own districts, and those of the grants their district keeps the books of; the totals they read are the partnership's.
    /// </summary>
    public bool OwnBusinessRowsOnly { get; set; }
    public int[] OwnDistricts { get; set; } = [];

    /// <summary>May this context's caller read one district's own business rows? What loaders that compute totals unfiltered use to hide the rows.</summary>
    public bool SeesBusinessOf(int districtId) => !OwnBusinessRowsOnly || OwnDistricts.Contains(districtId);

    /// <summary>Clears any caller's scope (a pooled context may still carry the last one).</summary>
    public ConsortiumDb WithFullAccess()
    {
        Unrestricted = true;
        DirectoryOnly = false;
        VisibleConsortia = LeagueConsortia = FundedPartnerships = VisibleDistricts = AdministeredConsortia = OwnDistricts = [];
        FunderId = 0;
        OwnBusinessRowsOnly = false;
        return this;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConsortiumDb).Assembly);
        AddRowFilters(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(RevisedEntity).IsAssignableFrom(e.ClrType)))
            modelBuilder.Entity(entity.ClrType).Property(nameof(RevisedEntity.Revision)).IsConcurrencyToken();
        Cents.StoreMoneyAsCents(modelBuilder);
        // Deleting a district, partnership or decision must never cascade through other districts' records.
        foreach (var foreignKey in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
            foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
    }

    /// <summary>
    /// Row-level access, in SQL, for every query of every feature: lists, totals, nested lists and
    /// node(id) alike. The directory (consortia, districts, schools, partnership names) is public when
    /// anonymous access is on; members read their consortia; funders read what they fund.
    /// </summary>
    private void AddRowFilters(ModelBuilder model)
    {
        model.Entity<Consortium>().HasQueryFilter(c => Unrestricted || DirectoryOnly || VisibleConsortia.Contains(c.Id)
            || c.Partnerships.Any(p => FundedPartnerships.Contains(p.Id)));
        model.Entity<ConsortiumMembership>().HasQueryFilter(m => Unrestricted || DirectoryOnly || VisibleConsortia.Contains(m.ConsortiumId)
            || m.Consortium.Partnerships.Any(p => FundedPartnerships.Contains(p.Id)));
        // A school outside the member districts (a charter, a career-technical center) is the consortium's to read once it is in its League, and so is its district.
        model.Entity<District>().HasQueryFilter(d => Unrestricted || DirectoryOnly || d.ConsortiumMemberships.Any(m => VisibleConsortia.Contains(m.ConsortiumId))
            || d.PartnershipMemberships.Any(m => FundedPartnerships.Contains(m.PartnershipId))
            || Set<Leagues.LeagueMembership>().Any(m => m.DistrictId == d.Id && VisibleConsortia.Contains(m.League.ConsortiumId)));
        model.Entity<School>().HasQueryFilter(s => Unrestricted || DirectoryOnly || s.District.ConsortiumMemberships.Any(m => VisibleConsortia.Contains(m.ConsortiumId))
            || s.District.PartnershipMemberships.Any(m => FundedPartnerships.Contains(m.PartnershipId))
            || s.LeagueMemberships.Any(m => VisibleConsortia.Contains(m.League.ConsortiumId)));
        model.Entity<Partnership>().HasQueryFilter(p => Unrestricted || DirectoryOnly || VisibleConsortia.Contains(p.ConsortiumId) || FundedPartnerships.Contains(p.Id));
        model.Entity<PartnershipMember>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId) || FundedPartnerships.Contains(x.PartnershipId));
        model.Entity<DecisionRight>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId) || FundedPartnerships.Contains(x.PartnershipId));
        model.Entity<Commitment>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId) || FundedPartnerships.Contains(x.PartnershipId));
        model.Entity<Decision>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId) || FundedPartnerships.Contains(x.PartnershipId));
        model.Entity<ProposedDecisionRight>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Decision.Partnership.ConsortiumId) || FundedPartnerships.Contains(x.Decision.PartnershipId));
        model.Entity<Grant>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId) || x.FunderId == FunderId);
        // Funders see an agreement once it is in effect, never a draft.
        model.Entity<Agreement>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId)
            || (FundedPartnerships.Contains(x.PartnershipId) && x.Status != AgreementStatus.Pending));
        model.Entity<GrantAmendment>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Grant.Partnership.ConsortiumId) || x.Grant.FunderId == FunderId);
        model.Entity<GrantBudgetRevision>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Grant.Partnership.ConsortiumId) || x.Grant.FunderId == FunderId);
        model.Entity<Drawdown>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Grant.Partnership.ConsortiumId) || x.Grant.FunderId == FunderId);
        model.Entity<GrantReport>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Grant.Partnership.ConsortiumId) || x.Grant.FunderId == FunderId);
        // A member's allocation and spending: its own staff, the fiscal agent's, admins and the funder; other members read the totals.
        model.Entity<GrantBudgetLine>().HasQueryFilter(x => Unrestricted || x.Grant.FunderId == FunderId
            || (VisibleConsortia.Contains(x.Grant.Partnership.ConsortiumId) && (!OwnBusinessRowsOnly || x.DistrictId == null
                || OwnDistricts.Contains(x.DistrictId.Value) || OwnDistricts.Contains(x.Grant.FiscalAgentId))));
        model.Entity<Expenditure>().HasQueryFilter(x => Unrestricted || x.Grant.FunderId == FunderId
            || (VisibleConsortia.Contains(x.Grant.Partnership.ConsortiumId) && (!OwnBusinessRowsOnly || x.DistrictId == null
                || OwnDistricts.Contains(x.DistrictId.Value) || OwnDistricts.Contains(x.Grant.FiscalAgentId))));
        model.Entity<Funder>().HasQueryFilter(f => Unrestricted || VisibleConsortia.Length > 0 || f.Id == FunderId);
        model.Entity<Indicator>().HasQueryFilter(i => Unrestricted || VisibleConsortia.Contains(i.ConsortiumId) || i.Consortium.Partnerships.Any(p => FundedPartnerships.Contains(p.Id)));
        // Funders see a district's value only where the district consented to share that indicator, and only
        // for districts in partnerships they fund.
        model.Entity<IndicatorValue>().HasQueryFilter(v => Unrestricted || VisibleConsortia.Contains(v.Indicator.ConsortiumId)
            || (v.District.PartnershipMemberships.Any(m => FundedPartnerships.Contains(m.PartnershipId))
                && v.Indicator.Consents.Any(c => c.DistrictId == v.DistrictId && c.SharedWithFunders)));
        // A member's purchases are its business: its own staff, admins and the funders of the partnership read them; other members read the totals.
        model.Entity<Purchasing.PurchaseLine>().HasQueryFilter(x => Unrestricted || FundedPartnerships.Contains(x.PartnershipId)
            || (VisibleConsortia.Contains(x.Partnership.ConsortiumId) && (!OwnBusinessRowsOnly || OwnDistricts.Contains(x.DistrictId))));
        // Vendors and their quotes are the consortium's own business; funders see contracts (the price paid), not the quotes passed over.
        model.Entity<Purchasing.Vendor>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.ConsortiumId));
        model.Entity<Purchasing.Quote>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Vendor.ConsortiumId));
        model.Entity<Purchasing.PurchasingRound>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId) || FundedPartnerships.Contains(x.PartnershipId));
        model.Entity<Purchasing.Contract>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Round.Partnership.ConsortiumId) || FundedPartnerships.Contains(x.Round.PartnershipId));
        // Admins read the trail of their consortia, and of their member districts' own records (a district's
        // local fields, its schools), which belong to no one consortium. A change in a consortium is never
        // shown through the acting district: that district may be a member of other consortia too.
        model.Entity<Access.AuditEntry>().HasQueryFilter(a => Unrestricted || (a.ConsortiumId != null
            ? VisibleConsortia.Contains(a.ConsortiumId.Value)
            : a.DistrictId != null && VisibleDistricts.Contains(a.DistrictId.Value)));
        // Only admins of every consortium a key acts in learn that it exists; to everyone else, node(id) is null.
        model.Entity<Access.ApiKey>().HasQueryFilter(k => Unrestricted
            || (AdministeredConsortia.Length > 0 && k.Consortia.Any() && k.Consortia.All(c => AdministeredConsortia.Contains(c.ConsortiumId))));
        // Shared staff: the arrangement is the members' (not funders'); what one district owes another is the two districts' business.
        model.Entity<CostSharing.SharedPosition>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Partnership.ConsortiumId));
        model.Entity<CostSharing.PositionShare>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.Position.Partnership.ConsortiumId));
        model.Entity<CostSharing.CourseEnrollment>().HasQueryFilter(x => Unrestricted || (VisibleConsortia.Contains(x.Partnership.ConsortiumId)
            && (!OwnBusinessRowsOnly || OwnDistricts.Contains(x.DistrictId) || x.Partnership.Members.Any(m => m.IsLead && OwnDistricts.Contains(m.DistrictId)))));
        model.Entity<CostSharing.InterDistrictInvoice>().HasQueryFilter(x => Unrestricted || (VisibleConsortia.Contains(x.Partnership.ConsortiumId)
            && (!OwnBusinessRowsOnly || OwnDistricts.Contains(x.CreditorId) || OwnDistricts.Contains(x.DebtorId))));
        model.Entity<CostSharing.InvoiceLine>().HasQueryFilter(x => Unrestricted || (VisibleConsortia.Contains(x.Invoice.Partnership.ConsortiumId)
            && (!OwnBusinessRowsOnly || OwnDistricts.Contains(x.Invoice.CreditorId) || OwnDistricts.Contains(x.Invoice.DebtorId))));
        model.Entity<CostSharing.InvoicePayment>().HasQueryFilter(x => Unrestricted || (VisibleConsortia.Contains(x.Invoice.Partnership.ConsortiumId)
            && (!OwnBusinessRowsOnly || OwnDistricts.Contains(x.Invoice.CreditorId) || OwnDistricts.Contains(x.Invoice.DebtorId))));
        // The League is its consortium's members' (staff and admins) and its schools' leaders': not the directory's, not a funder's.
        model.Entity<Leagues.League>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.ConsortiumId));
        model.Entity<Leagues.ImprovementFramework>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.FrameworkDimension>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Framework.League.ConsortiumId));
        model.Entity<Leagues.LeagueMembership>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.LetterSignature>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Membership.League.ConsortiumId));
        model.Entity<Leagues.SelfAssessment>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Membership.League.ConsortiumId));
        model.Entity<Leagues.DimensionRating>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Assessment.Membership.League.ConsortiumId));
        model.Entity<Leagues.Educator>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.PeerVisit>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.PeerVisitor>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Visit.League.ConsortiumId));
        model.Entity<Leagues.VisitFeedback>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Visit.League.ConsortiumId));
        model.Entity<Leagues.SharedPractice>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.ImprovementCommitment>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.ImprovementProgress>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Commitment.League.ConsortiumId));
        model.Entity<Leagues.Convening>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.ConveningRegistration>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Convening.League.ConsortiumId));
        // Policy work is the consortium's members': staff and admins.
        model.Entity<Policy.PolicyItem>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.ConsortiumId));
        model.Entity<Policy.PolicyPartnership>().HasQueryFilter(x => Unrestricted || VisibleConsortia.Contains(x.PolicyItem.ConsortiumId));
        model.Entity<Leagues.LearningGroup>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.League.ConsortiumId));
        model.Entity<Leagues.LearningGroupMember>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Group.League.ConsortiumId));
        model.Entity<Leagues.LearningGroupMeeting>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Group.League.ConsortiumId));
        model.Entity<Leagues.LearningGroupAttendance>().HasQueryFilter(x => Unrestricted || LeagueConsortia.Contains(x.Meeting.Group.League.ConsortiumId));
        model.Entity<CalendarDay>().HasQueryFilter(c => Unrestricted || c.District.ConsortiumMemberships.Any(m => VisibleConsortia.Contains(m.ConsortiumId)));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC. SQLite hands DateTime back with an unspecified kind, and Npgsql
        // refuses non-UTC values for timestamptz, so the kind is fixed on the way in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteConsortiumDb(DbContextOptions<SqliteConsortiumDb> options) : ConsortiumDb(options);

public sealed class PostgreSqlConsortiumDb(DbContextOptions<PostgreSqlConsortiumDb> options) : ConsortiumDb(options);

public sealed class SqlServerConsortiumDb(DbContextOptions<SqlServerConsortiumDb> options) : ConsortiumDb(options);
