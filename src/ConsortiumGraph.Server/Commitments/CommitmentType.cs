using GraphQL;
using ConsortiumGraph.Access;
using System.ComponentModel;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using GraphQL.Types;

namespace ConsortiumGraph.Commitments;

public sealed class CommitmentType : NodeType<Commitment>
{
    private static readonly RowsByKey<ProgressUpdate> Progress = new("ProgressByCommitmentId", p => p.CommitmentId, q => q.OrderBy(p => p.ReportedAt).ThenBy(p => p.Id));

    public CommitmentType() : base("What one member (a district, or one of its schools) commits to in a partnership: what, by when, with what resources.")
    {
        Field(c => c.Title).Description("What is committed to, in a line.");
        Field(c => c.Description, nullable: true).Description("Details of the activity or resource.");
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The partnership the commitment is made in.")
            .Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field<NonNullGraphType<DistrictType>>("district").Description("The member district that commits.")
            .Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field<SchoolType>("school").Description("The school the commitment is made for, when it is one school's.")
            .Resolve(c => c.Source.SchoolId is { } id ? c.ById<School>(id) : null);
        Field(c => c.DueOn, type: typeof(DateType)).Description("When it is due.");
        Field(c => c.Status).Description("The latest reported status.");
        Field(c => c.Revision).Description("Changes with every progress report; send it back as `expectedRevision` to refuse to report on a state you have not seen.");
        Field(c => c.Dollars, nullable: true).Description("Dollars committed.");
        Field(c => c.StaffFte, nullable: true).Description("Staff time committed, in full-time equivalents.");
        Field(c => c.StudentSeats, nullable: true).Description("Student seats committed: in a shared course, or in a program the partnership runs (a grant's summer sessions).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressUpdateType>>>>("progress").Description("Dated progress reports, oldest first.")
            .Resolve(c => Progress.Load(c, c.Source.Id));
        LocalFieldsType.AddTo(this);
    }
}

public sealed class ProgressUpdateType : ObjectType<ProgressUpdate>
{
    public ProgressUpdateType()
    {
        Description = "A dated progress report on a commitment.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(p => p.ReportedAt).Description("When it was reported.");
        Field(p => p.Status).Description("The status reported.");
        Field(p => p.PercentComplete, nullable: true).Description("How much is done, 0 to 100.");
        Field(p => p.Note, nullable: true).Description("What happened.");
    }
}

[Description("What commitments can be ordered by.")]
public enum CommitmentOrderField
{
    [Description("Due date; commitments without one come last.")] DueOn,
    [Description("Status order: PLANNED, ON_TRACK, AT_RISK, DONE, DROPPED.")] Status,
    [Description("The commitment's title.")] Title,
}

public sealed class CommitmentFilter : FilterInputType<Commitment>
{
    public CommitmentFilter() : base("CommitmentFilter", "Conditions on commitments; a commitment must meet all that are given.")
    {
        AnyOf("status", c => c.Status, "In any of these statuses.");
        Before("dueBefore", c => c.DueOn, "Due strictly before this day.", typeof(DateType));
        After("dueAfter", c => c.DueOn, "Due strictly after this day.", typeof(DateType));
        IsNode("districtId", c => c.DistrictId, "District", "Made by this district.");
    }
}

public sealed class CommitmentOrder : OrderInputType<Commitment, CommitmentOrderField>
{
    public CommitmentOrder() : base("CommitmentOrder", "A sort key for commitments.")
    {
        By(CommitmentOrderField.DueOn, c => c.DueOn);
        By(CommitmentOrderField.Status, c => c.Status);
        By(CommitmentOrderField.Title, c => c.Title);
    }
}
