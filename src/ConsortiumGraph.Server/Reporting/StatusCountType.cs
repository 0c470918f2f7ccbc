using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class StatusCountType : ObjectType<StatusCount>
{
    public StatusCountType()
    {
        Name = "CommitmentStatusCount";
        Description = "How many commitments have one status.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(s => s.Status).Description("The status.");
        Field(s => s.Count).Description("How many commitments have it.");
    }
}
