using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Schools;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class EducatorType : NodeType<Educator>
{
    public EducatorType() : base("A person in a League: a member school's teacher or principal, a district's superintendent or coordinator, or a state agency's staff. Read by the League's people only.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field(e => e.Name).Description("The educator's name.");
        Field<NonNullGraphType<EnumerationGraphType<EducatorRole>>>("role").Description("What the educator does in the League.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field<SchoolType>("school").Description("The educator's school; null for district and state staff.")
            .Resolve(c => c.Source.SchoolId is { } id ? c.ById<School>(id) : null);
        Field<DistrictType>("district").Description("The educator's district (the school's, for school staff); null for state agency staff and the consortium's own coordinators.")
            .Resolve(c => c.Source.DistrictId is { } id ? c.ById<District>(id) : null);
        Field(e => e.State, nullable: true).Description("A state agency's two-letter state, for its staff.");
        Field(e => e.Email, nullable: true).Description("Where peers reach the educator.");
        Field(e => e.Revision).Description("Changes with every edit; send it back as `expectedRevision`.");
    }
}
