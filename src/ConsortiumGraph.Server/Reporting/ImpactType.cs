using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class ImpactType : ObjectType<Impact>
{
    public ImpactType()
    {
        Name = "Impact";
        Description = "What collaboration delivered over a period: students served, money saved, staff shared, commitments kept, decisions taken, grants.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(i => i.StudentSeats).Description("Student seats committed: in shared courses, and in the programs grants pay for (dropped commitments excluded).");
        Field(i => i.StudentsInMemberDistricts).Description("Students enrolled in the member districts.");
        Field(i => i.Savings).Description("Joint purchasing savings, in the consortium's currency: (standalone price - consortium price) x quantity, over every member's purchases in the period.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Purchasing.MemberSavingsType>>>>("savingsByMember")
            .Description("The savings per member district (a district in several partnerships counts once, with all its purchases). District staff see their own district's row; the total is `savings`.")
            .Resolve(c => c.Source.SavingsByMember);
        Field(i => i.StaffFte).Description("Staff time shared, in FTE, over commitments not dropped.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusCountType>>>>("commitmentsByStatus").Description("Commitments by status.").Resolve(c => c.Source.CommitmentsByStatus);
        Field(i => i.OnTimeRate, nullable: true).Description("Share (0-1) of commitments done with a due date that were done by it; null when none is done.");
        Field(i => i.DecisionsTaken).Description("Decisions adopted or rejected.");
        Field(i => i.AverageDaysToDecision, nullable: true).Description("Average days from proposal to outcome of the decisions taken.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantTotalType>>>>("grants").Description("Grant amounts by funder and fiscal agent.").Resolve(c => c.Source.Grants);
    }
}
