namespace ConsortiumGraph.Plugins;

/// <summary>A member district's role in a partnership; one member can hold several (a lead that is also the fiscal agent).</summary>
public enum MemberRole
{
    /// <summary>Leads the partnership; decides areas whose rule is LEAD_DISTRICT. Exactly one per partnership.</summary>
    Lead,
    /// <summary>Receives and accounts for grant funds; decides areas whose rule is FISCAL_AGENT. At most one per partnership (exactly one where a grant funds it); it can also be the lead.</summary>
    FiscalAgent,
    /// <summary>A participating district: every member holds this role.</summary>
    Member,
}
