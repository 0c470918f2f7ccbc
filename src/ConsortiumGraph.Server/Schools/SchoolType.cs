using GraphQL;
using ConsortiumGraph.Access;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using GraphQL.Types;

namespace ConsortiumGraph.Schools;

public sealed class SchoolType : NodeType<School>
{
    private static readonly RowsByKey<Leagues.LeagueMembership> LeagueMemberships = new("MembershipsBySchoolId", m => m.SchoolId, q => q.OrderByDescending(m => m.RequestedOn).ThenByDescending(m => m.Id));

    public SchoolType() : base("A school of a district.")
    {
        this.AuthorizeWithRoles(Readers.Directory);
        Field(s => s.Code).Description("Stable external code; usually the federal (NCES) school id.");
        Field(s => s.Revision).Description("Changes with every change to the school's directory entry; send it back as `expectedRevision` to refuse to change a state you have not seen.")
            .AuthorizeWithRoles(Readers.Staff);
        Field(s => s.Name).Description("The school's name.");
        Field<NonNullGraphType<DistrictType>>("district").Description("The district the school belongs to.")
            .Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field(s => s.Enrollment).Description("Students enrolled.");
        Field(s => s.ClosedOn, type: typeof(DateType)).Description("The day the school closed; null while it is open. A closed school takes no new commitments.");
        Field(s => s.LeagueMember).Description("An active member of a League (`leagueMemberships` says which), where every school makes the same commitment to improve.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Leagues.LeagueMembershipType>>>>("leagueMemberships")
            .Description("The school's League memberships, latest request first: active, pending and ended.")
            .AuthorizeWithRoles(Readers.League)
            .Resolve(c => LeagueMemberships.Load(c, c.Source.Id));
        this.Connection<School, CommitmentType, Commitment>("commitments", "Commitments made for this school, by due date.")
            .AuthorizeWithRoles(Readers.Members)
            .DefaultOrder(c => c.DueOn)
            .FromChildren(s => s.Commitments);
        LocalFieldsType.AddTo(this);
    }
}
