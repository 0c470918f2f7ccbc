using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Schools;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Indicators;

public sealed class IndicatorValueType : ObjectType<IndicatorValue>
{
    public IndicatorValueType()
    {
        Name = "IndicatorValue";
        Description = "A district's reported value of an indicator for one period: its own, or one of its schools'.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<StringGraphType>>("indicator").Description("The indicator's code.").Resolve(c => c.Source.Indicator.Code);
        Field<SchoolType>("school").Description("The school the value is about; null for the district's own value.")
            .Resolve(c => c.Source.SchoolId is { } id ? c.ById<School>(id) : null);
        Field(v => v.Period).Description("The period.");
        Field(v => v.Value).Description("The value, in the indicator's unit.");
        Field(v => v.StudentCount).Description("How many students it is about.");
        Field(v => v.ReportedAt).Description("When it was reported.");
        Field<NonNullGraphType<IntGraphType>>("revisions").Description("How many earlier values this one replaced (they are kept).").Resolve(c => c.Source.Revisions.Count);
    }
}
