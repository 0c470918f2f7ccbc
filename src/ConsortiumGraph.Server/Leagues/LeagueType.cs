using ConsortiumGraph.Access;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class LeagueType : NodeType<League>
{
    public static readonly RowsByKey<ImprovementFramework> Frameworks = new("FrameworksByLeagueId", f => f.LeagueId, q => q.OrderBy(f => f.Version));
    private static readonly RowsByKey<LeagueMembership> Members = new("MembershipsByLeagueId", m => m.LeagueId, q => q.OrderBy(m => m.School.Name).ThenBy(m => m.Id));

    public LeagueType() : base("A consortium's network of schools that improve together: every member school makes the same commitment, rates itself against the League's framework, and is held to it by its peers.")
    {
        this.AuthorizeWithRoles(Readers.Staff);
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
    }
}
