using ConsortiumGraph.Graph;
using GraphQL;
using ConsortiumGraph.Access;
using GraphQL.Types;

namespace ConsortiumGraph.Indicators;

public sealed class IndicatorType : ObjectType<Indicator>
{
    public IndicatorType()
    {
        Description = "A standard measure the consortium defines so that members' data rolls up across districts.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(i => i.Code).Description("Stable code, unique in the consortium, e.g. ATTENDANCE_RATE.");
        Field(i => i.Name).Description("The indicator's name.");
        Field(i => i.Unit).Description("Unit of the values, e.g. percent, students, dollars.");
        Field(i => i.Aggregation).Description("How district values combine in a roll-up.");
        Field(i => i.Level).Description("What its values are about: each district, or each school.");
        Field(i => i.MinimumGroupSize).Description("Values about fewer students than this are not shown in roll-ups.");
    }
}
