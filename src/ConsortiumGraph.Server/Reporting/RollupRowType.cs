using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class RollupRowType : ObjectType<RollupRow>
{
    public RollupRowType()
    {
        Name = "RollupRow";
        Description = "One group's value of an indicator in one period.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(r => r.Group).Description("The group: the consortium, a state, a locale, a partnership or a district, by name; a school by name and NCES code; a League or a framework dimension by name.");
        Field(r => r.Period).Description("The period, e.g. 2024-25.");
        Field(r => r.Value, nullable: true).Description("The aggregated value, in the indicator's unit; null when suppressed.");
        Field(r => r.Districts).Description("How many districts' values went into it (their schools', in a school roll-up).");
        Field(r => r.Schools).Description("How many schools' values went into it; 0 in a roll-up of districts' own values.");
        Field(r => r.Students).Description("How many students the values are about.");
        Field(r => r.Suppressed).Description("True when the value is withheld because the group is too small.");
        Field(r => r.SuppressedBecause, nullable: true).Description("Why the value is withheld.");
    }
}
