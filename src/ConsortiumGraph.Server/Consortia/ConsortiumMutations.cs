using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Consortia;

/// <summary>
/// Setting up consortia: platform admins create them; their admins (and platform admins) rename them and
/// add member districts. Appointing a consortium's admins is createApiKey, or the identity provider.
/// </summary>
public static class ConsortiumMutations
{
    public static void AddConsortiumMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateConsortiumInput, ConsortiumType, Consortium>("createConsortium",
            "Creates a consortium, with no members yet. Platform admins only.", CreateAsync)
            .AuthorizeWithRoles(Readers.Platform);
        mutation.Mutation<UpdateConsortiumInput, ConsortiumType, Consortium>("updateConsortium",
            "Renames a consortium or changes its shared goal. Its admins and platform admins.", UpdateAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<AddConsortiumMemberInput, ConsortiumType, Consortium>("addConsortiumMember",
            "Adds a district of the directory to a consortium, from the day it joined. Its admins and platform admins.", AddMemberAsync)
            .AuthorizeWithRoles(Readers.Admins);
    }

    private static async Task<Consortium?> CreateAsync(MutationContext<CreateConsortiumInput> m)
    {
        var name = m.Text(m.Input.Name, "name", 200);
        var goal = m.Text(m.Input.SharedGoal, "sharedGoal", 2000);
        if (name is not null && await m.Db.Consortia.IgnoreQueryFilters().AnyAsync(c => c.Name == name, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_NAME", $"A consortium is already named {name}.", "name");
        if (m.Failed || name is null || goal is null) return null;
        var consortium = new Consortium { Name = name, SharedGoal = goal };
        m.Db.Consortia.Add(consortium);
        return consortium;
    }

    private static async Task<Consortium?> UpdateAsync(MutationContext<UpdateConsortiumInput> m)
    {
        var consortium = await AdministeredAsync(m, m.Input.Id, "id");
        if (consortium is null) return null;
        var name = m.Input.Name is null ? null : m.Text(m.Input.Name, "name", 200);
        var goal = m.Input.SharedGoal is null ? null : m.Text(m.Input.SharedGoal, "sharedGoal", 2000);
        if (name is not null && name != consortium.Name && await m.Db.Consortia.IgnoreQueryFilters().AnyAsync(c => c.Name == name, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_NAME", $"A consortium is already named {name}.", "name");
        if (m.Failed) return null;
        consortium.Name = name ?? consortium.Name;
        consortium.SharedGoal = goal ?? consortium.SharedGoal;
        m.Revise(consortium, m.Input.ExpectedRevision);
        return consortium;
    }

    private static async Task<Consortium?> AddMemberAsync(MutationContext<AddConsortiumMemberInput> m)
    {
        var consortium = await AdministeredAsync(m, m.Input.ConsortiumId, "consortiumId");
        var district = await m.Find<Districts.District>(m.Input.DistrictId, "District", "districtId");
        if (consortium is null || district is null) return null;
        if (await m.Db.ConsortiumMemberships.AnyAsync(x => x.ConsortiumId == consortium.Id && x.DistrictId == district.Id, m.Field.CancellationToken))
            m.Violates("ALREADY_MEMBER", $"{district.Name} is a member of {consortium.Name} already.", "districtId");
        if (m.Input.JoinedOn is { } joined && joined > m.Today)
            m.Invalid("OUT_OF_RANGE", "`joinedOn` is in the future; add the district on the day it joins.", "joinedOn");
        if (m.Failed) return null;
        m.Db.ConsortiumMemberships.Add(new ConsortiumMembership { ConsortiumId = consortium.Id, DistrictId = district.Id, JoinedOn = m.Input.JoinedOn ?? m.Today });
        // Two admins adding districts at once change the same consortium: the revision makes one of them retry.
        m.Revise(consortium, null);
        return consortium;
    }

    /// <summary>
    /// The consortium a global ID names. Only admins call these mutations, and the row filter shows an admin only the
    /// consortia it administers (a platform admin all): any other is NOT_FOUND, as everywhere.
    /// </summary>
    private static Task<Consortium?> AdministeredAsync<TInput>(MutationContext<TInput> m, string id, string inputField) =>
        m.Find<Consortium>(id, "Consortium", inputField);
}
