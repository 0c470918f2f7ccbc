using System.ComponentModel;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class ExpenditureType : NodeType<Expenditure>
{
    public ExpenditureType() : base("Money the fiscal agent's books show spent on a grant's work, from the grant or as the members' match.")
    {
        Field<NonNullGraphType<GrantType>>("grant").Description("The grant it is charged to.").Resolve(c => c.ById<Grant>(c.Source.GrantId));
        Field(e => e.SpentOn, type: typeof(NonNullGraphType<DateType>)).Description("The day it was spent.");
        Field(e => e.Category).Description("What it was spent on.");
        Field(e => e.Amount).Description("The amount.");
        Field<DistrictType>("district").Description("The member district it was for; null for the partnership as a whole.")
            .Resolve(c => c.Source.DistrictId is { } id ? c.ById<District>(id) : null);
        Field(e => e.Description).Description("What was bought or paid.");
        Field(e => e.FundedBy).Description("GRANT when paid from the award; MATCH for the members' own contribution.");
        Field(e => e.RecordedAt).Description("When the fiscal agent recorded it.");
        Field<ExpenditureType>("reverses").Description("For a reversal (a negative amount): the expenditure it cancels, which stays on the books.")
            .Resolve(c => c.Source.ReversesId is { } id ? c.ById<Expenditure>(id) : null);
    }
}

[Description("What expenditures can be ordered by.")]
public enum ExpenditureOrderField
{
    [Description("The day spent.")] SpentOn,
    [Description("The amount.")] Amount,
}

public sealed class ExpenditureFilter : FilterInputType<Expenditure>
{
    public ExpenditureFilter() : base("ExpenditureFilter", "Conditions on expenditures; an expenditure must meet all that are given.")
    {
        AnyOf("category", e => e.Category, "In any of these categories.");
        AnyOf("fundedBy", e => e.FundedBy, "From any of these sources.");
        Before("spentBefore", e => e.SpentOn, "Spent strictly before this day.", typeof(DateType));
        After("spentAfter", e => e.SpentOn, "Spent strictly after this day.", typeof(DateType));
        IsNode("districtId", e => e.DistrictId, "District", "For this member district.");
    }
}

public sealed class ExpenditureOrder : OrderInputType<Expenditure, ExpenditureOrderField>
{
    public ExpenditureOrder() : base("ExpenditureOrder", "A sort key for expenditures.")
    {
        By(ExpenditureOrderField.SpentOn, e => e.SpentOn);
        By(ExpenditureOrderField.Amount, e => e.Amount);
    }
}
