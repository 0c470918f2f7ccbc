using ConsortiumGraph.Graph;

namespace ConsortiumGraph.Partnerships;

/// <summary>Consortium rules about partnerships that several mutations share.</summary>
public static class PartnershipRules
{
    /// <summary>A COMPLETED or DISSOLVED partnership takes no new members, signatures, commitments or decisions.</summary>
    public static void RequireOpen<TInput>(this MutationContext<TInput> m, Partnership partnership, string inputField, string refusal)
    {
        if (partnership.Status is PartnershipStatus.Completed or PartnershipStatus.Dissolved)
            m.Violates("PARTNERSHIP_CLOSED", $"{partnership.Name} is {partnership.Status.ToString().ToUpperInvariant()}; {refusal}.", inputField);
    }
}
