namespace ConsortiumGraph.Plugins;

/// <summary>A member district's role in a partnership.</summary>
public enum MemberRole
{
    /// <summary>Leads the partnership; decides areas whose rule is LEAD_DISTRICT.</summary>
    Lead,
    /// <summary>Receives and accounts for grant funds; decides areas whose rule is FISCAL_AGENT. At most one per partnership.</summary>
    FiscalAgent,
    /// <summary>A participating district.</summary>
    Member,
}
