using System.ComponentModel;

namespace ConsortiumGraph.Grants;

[Description("What grant money is budgeted for and spent on, in the object classes funders' budget forms use.")]
public enum BudgetCategory
{
    [Description("Salaries and wages.")] Personnel,
    [Description("Fringe benefits of the personnel paid from the grant.")] Benefits,
    [Description("Contracted services: consultants, coaches, vendors' services.")] ContractedServices,
    [Description("Supplies and materials, software licenses.")] Supplies,
    [Description("Travel and meetings.")] Travel,
    [Description("Equipment above the fiscal agent's capitalization threshold.")] Equipment,
    [Description("Indirect costs at the fiscal agent's approved rate.")] Indirect,
    [Description("Anything the funder's categories do not name.")] Other,
}

[Description("Whose money an expenditure is.")]
public enum FundingSource
{
    [Description("Paid from the grant.")] Grant,
    [Description("The members' own contribution toward the grant's required match (cash or in kind).")] Match,
}
