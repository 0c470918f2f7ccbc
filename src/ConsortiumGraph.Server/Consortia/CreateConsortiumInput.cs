using System.ComponentModel;

namespace ConsortiumGraph.Consortia;

[Description("A new consortium of the installation. Platform admins only; add its districts with addConsortiumMember and appoint its admins with createApiKey.")]
public sealed class CreateConsortiumInput
{
    [Description("Its name, unique on the installation, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("The goal every member is bought into, at most 2000 characters.")]
    public required string SharedGoal { get; init; }
    [Description("The ISO 4217 code of the currency all its money is in (grants, budgets, prices, invoices); USD when omitted. It does not change once set.")]
    public string? Currency { get; init; }
}
