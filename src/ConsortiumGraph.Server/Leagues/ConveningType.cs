using ConsortiumGraph.LocalFields;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class ConveningType : NodeType<Convening>
{
    /// <summary>Teams registered for one convening, at most: a League's member schools.</summary>
    public const int MaxTeams = 100;

    private static readonly RowsByKey<ConveningRegistration> Registrations = new("RegistrationsByConveningId", r => r.ConveningId, q => q.OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id));

    public ConveningType() : base("A state or regional convening of the League: a day of professional learning that school teams register for and attend.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field(x => x.Title).Description("Its topic.");
        Field<NonNullGraphType<EnumerationGraphType<ConveningScope>>>("scope").Description("STATE or REGIONAL.").Resolve(c => c.Source.Scope);
        Field(x => x.State, nullable: true).Description("The state a STATE convening is for.");
        Field(x => x.HeldOn, type: typeof(NonNullGraphType<DateType>)).Description("The day.");
        Field(x => x.Place, nullable: true).Description("Where; null when online only.");
        Field(x => x.Online).Description("Whether teams may join online.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dimensions").Description("Keys of the framework dimensions it is about.").Resolve(c => c.Source.Dimensions);
        Field(x => x.Capacity, nullable: true).Description("Educators it has room for; null for no limit.");
        Field(x => x.Revision).Description("Changes with every registration and attendance report; send it back as `expectedRevision`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConveningRegistrationType>>>>("registrations").Description("The teams registered, in the order they registered, with their attendance once recorded.")
            .WithComplexityImpact(1, MaxTeams)
            .Resolve(c => Registrations.Load(c, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("registered").Description("Educators registered, over every team.")
            .Resolve(c => Registrations.Load(c, c.Source.Id).Then(r => r.Sum(x => x.TeamSize)));
        Field<IntGraphType>("attended").Description("Educators who attended, over the teams reported on; null before attendance is recorded.")
            .Resolve(c => Registrations.Load(c, c.Source.Id).Then(r => r.Any(x => x.Attended is not null) ? r.Sum(x => x.Attended ?? 0) : (int?)null));
    }
}

public sealed class ConveningRegistrationType : NodeType<ConveningRegistration>
{
    public ConveningRegistrationType() : base("A school team registered for a convening.")
    {
        this.AuthorizeWithRoles(Readers.League);
        // A district's own records of it (a professional-development credit code), through its plugin.
        LocalFieldsType.AddTo(this);
        Field<NonNullGraphType<LeagueMembershipType>>("membership").Description("The school's League membership.").Resolve(c => c.ById<LeagueMembership>(c.Source.MembershipId));
        Field<NonNullGraphType<ConveningType>>("convening").Description("The convening.").Resolve(c => c.ById<Convening>(c.Source.ConveningId));
        Field(x => x.TeamSize).Description("Educators on the team.");
        Field(x => x.RegisteredAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it registered.");
        Field(x => x.Attended, nullable: true).Description("How many of the team attended; null until recorded.");
    }
}
