using System.Linq.Expressions;
using ConsortiumGraph.Access;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Reporting;
using ConsortiumGraph.Schools;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class LeagueType : NodeType<League>
{
    public static readonly RowsByKey<ImprovementFramework> Frameworks = new("FrameworksByLeagueId", f => f.LeagueId, q => q.OrderBy(f => f.Version));
    private static readonly RowsByKey<LearningGroup> Groups = new("LearningGroupsByLeagueId", g => g.LeagueId, q => q.OrderBy(g => g.Name).ThenBy(g => g.Id));
    // Ordered by the school's name, so each row is read with its school.
    private static readonly RowsByKey<LeagueMembership> Members = new("MembershipsByLeagueId", m => m.LeagueId, q => q.OrderBy(m => m.School.Name).ThenBy(m => m.Id),
        with: (Expression<Func<LeagueMembership, School>>)(m => m.School));

    public LeagueType() : base("A consortium's network of schools that improve together: every member school makes the same commitment, rates itself against the League's framework, and is held to it by its peers.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field(l => l.Name).Description("The League's name.");
        Field(l => l.Commitment).Description("The commitment every member school makes in its letter of commitment.");
        Field<NonNullGraphType<ConsortiumType>>("consortium").Description("The consortium the League belongs to.").Resolve(c => c.ById<Consortium>(c.Source.ConsortiumId));
        Field(l => l.Revision).Description("Changes with every new framework version and every school asking to join; send it back as `expectedRevision`.");
        Field<ImprovementFrameworkType>("framework").Description("The framework version in force (the latest); null before the first is defined.")
            .Resolve(c => Frameworks.Load(c, c.Source.Id).Then(f => f.LastOrDefault()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImprovementFrameworkType>>>>("frameworks").Description("Every framework version, first first.")
            .WithComplexityImpact(1, Bounded.Versions)
            .Resolve(c => Frameworks.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeagueMembershipType>>>>("members")
            .Description("The League's schools, by name: members, requests waiting for signatures, and (when asked for) those that left.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<LeagueMembershipStatus>>>>("status", "Only these statuses; PENDING and ACTIVE when omitted.")
            .Resolve(c =>
            {
                var statuses = c.GetArgument<List<LeagueMembershipStatus>?>("status") ?? [LeagueMembershipStatus.Pending, LeagueMembershipStatus.Active];
                return Members.Load(c, c.Source.Id).Then(m => m.Where(x => statuses.Contains(x.Status)).ToList());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionDistributionType>>>>("distribution")
            .Description("The spread of the schools' ratings per dimension and school year (each school once a year, with its latest assessment): what a school's trajectory is read against.")
            .Argument<StringGraphType>("dimension", "Only this dimension (its key).")
            .WithComplexityImpact(1, Bounded.DimensionYears)
            .Resolve(c =>
            {
                var dimension = c.GetArgument<string?>("dimension");
                return LeagueRatings.Load(c, c.Source.Id).Then(h => h.Distribution.Where(d => dimension is null || d.Dimension == dimension).ToList());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionPeerType>>>>("peersOn")
            .Description("The active member schools seen from one dimension: their latest rating, their open improvement commitments and shared practices on it; those sharing practices first, then the highest rated. How a school finds a critical friend.")
            .Argument<NonNullGraphType<StringGraphType>>("dimension", "The dimension (its key).")
            .Argument<NonNullGraphType<BooleanGraphType>>("working", "Only schools with an open improvement commitment on it.", a => a.DefaultValue = false)
            .Argument<NonNullGraphType<BooleanGraphType>>("sharing", "Only schools that shared a practice on it.", a => a.DefaultValue = false)
            .WithComplexityImpact(1, 50)
            .ResolveAsync(async c => await DimensionPeerType.LoadAsync(c, c.Source.Id, c.GetArgument<string>("dimension"), c.GetArgument<bool>("working"), c.GetArgument<bool>("sharing")));
        this.AddRollup();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LearningGroupType>>>>("learningGroups").Description("The League's standing learning groups (principals' professional learning groups), by name.")
            .WithComplexityImpact(1, Bounded.Dimensions)
            .Resolve(c => Groups.Load(c, c.Source.Id));
        this.Connection<League, ConveningType, Convening>("convenings", "The League's state and regional convenings, latest day first.")
            .DefaultOrder(x => x.HeldOn, descending: true)
            .FromQuery((c, db) => db.Convenings.Where(x => x.LeagueId == c.Source.Id));
        this.Connection<League, EducatorType, Educator>("educators", "The League's people, by name: its schools' teachers and principals, its districts' staff, its coordinators and state agency staff.")
            .Argument<EnumerationGraphType<EducatorRole>>("role", "Only educators in this role.")
            .DefaultOrder(e => e.Name)
            .FromQuery((c, db) => c.GetArgument<EducatorRole?>("role") is { } role
                ? db.Educators.Where(e => e.LeagueId == c.Source.Id && e.Role == role)
                : db.Educators.Where(e => e.LeagueId == c.Source.Id));
        this.Connection<League, PeerVisitType, PeerVisit>("visits", "The League's peer visits, latest day first.")
            .Argument<DateType>("from", "Only visits on or after this day.")
            .Argument<DateType>("to", "Only visits on or before this day.")
            .DefaultOrder(v => v.VisitOn, descending: true)
            .FromQuery((c, db) =>
            {
                var (from, to) = (c.GetArgument<DateOnly?>("from") ?? DateOnly.MinValue, c.GetArgument<DateOnly?>("to") ?? DateOnly.MaxValue);
                return db.PeerVisits.Where(v => v.LeagueId == c.Source.Id && v.VisitOn >= from && v.VisitOn <= to);
            });
        this.Connection<League, SharedPracticeType, SharedPractice>("practices",
                "The practices the League's schools share, newest first: found by their words (full text, stemmed: every word must match) and by the dimension they serve.")
            .Argument<StringGraphType>("search", $"Words to find in the title, summary, what worked and what did not; at most {PracticeSearch.MaxLength} characters.")
            .Argument<StringGraphType>("dimension", "Only practices serving this dimension (its key).")
            .DefaultOrder(p => p.SharedAt, descending: true)
            .FromQuery((c, db) =>
            {
                var search = c.GetArgument<string?>("search");
                if (search?.Length > PracticeSearch.MaxLength)
                    throw new ExecutionError($"`search` is at most {PracticeSearch.MaxLength} characters.") { Code = "OUT_OF_RANGE" };
                var practices = PracticeSearch.InLeague(db, c.Source.Id, search);
                return c.GetArgument<string?>("dimension") is { } dimension ? practices.Where(p => p.Dimensions.Contains(dimension)) : practices;
            });
    }
}
