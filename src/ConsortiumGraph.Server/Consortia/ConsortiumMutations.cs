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
            "Adds a district of the directory to a consortium, from the day it joined (a district that left joins again). Its admins and platform admins.", AddMemberAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<RemoveConsortiumMemberInput, ConsortiumType, Consortium>("removeConsortiumMember",
            "A district leaves a consortium on a day: its history stays readable, it takes no new work there. It must have left the consortium's open partnerships. Its admins and platform admins.",
            RemoveMemberAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<ArchiveConsortiumInput, ConsortiumType, Consortium>("archiveConsortium",
            "Archives a consortium whose partnerships have all ended: read-only from then on, nothing deleted. Platform admins only.", ArchiveAsync)
            .AuthorizeWithRoles(Readers.Platform);
    }

    private static async Task<Consortium?> CreateAsync(MutationContext<CreateConsortiumInput> m)
    {
        var name = m.Text(m.Input.Name, "name", 200);
        var goal = m.Text(m.Input.SharedGoal, "sharedGoal", 2000);
        if (name is not null && await m.Db.Consortia.IgnoreQueryFilters().AnyAsync(c => c.Name == name, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_NAME", $"A consortium is already named {name}.", "name");
        var currency = m.Input.Currency?.Trim().ToUpperInvariant() ?? Consortium.DefaultCurrency;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            m.Invalid("INVALID_CURRENCY", "`currency` is an ISO 4217 code: three letters, such as USD or CAD.", "currency");
        if (m.Failed || name is null || goal is null) return null;
        var consortium = new Consortium { Name = name, SharedGoal = goal, Currency = currency };
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
        var membership = await m.Db.ConsortiumMemberships.FirstOrDefaultAsync(x => x.ConsortiumId == consortium.Id && x.DistrictId == district.Id, m.Field.CancellationToken);
        if (membership is { LeftOn: null })
            m.Violates("ALREADY_MEMBER", $"{district.Name} is a member of {consortium.Name} already.", "districtId");
        if (district.ClosedOn is not null)
            m.Violates("DISTRICT_CLOSED", $"{district.Name} closed on {district.ClosedOn:yyyy-MM-dd}; a closed district joins nothing.", "districtId");
        if (m.Input.JoinedOn is { } joined && joined > m.Today)
            m.Invalid("OUT_OF_RANGE", "`joinedOn` is in the future; add the district on the day it joins.", "joinedOn");
        else if (membership?.LeftOn is { } left && m.Input.JoinedOn is { } rejoined && rejoined < left)
            m.Invalid("INVALID_RANGE", $"{district.Name} left on {left:yyyy-MM-dd}; it joins again on or after that day.", "joinedOn");
        if (m.Failed) return null;
        if (membership is null)
            m.Db.ConsortiumMemberships.Add(new ConsortiumMembership { ConsortiumId = consortium.Id, DistrictId = district.Id, JoinedOn = m.Input.JoinedOn ?? m.Today });
        else
            (membership.JoinedOn, membership.LeftOn) = (m.Input.JoinedOn ?? m.Today, null); // the membership's latest period; the trail keeps the earlier ones
        // Two admins adding districts at once change the same consortium: the revision makes one of them retry.
        m.Revise(consortium, null);
        return consortium;
    }

    private static async Task<Consortium?> RemoveMemberAsync(MutationContext<RemoveConsortiumMemberInput> m)
    {
        var consortium = await AdministeredAsync(m, m.Input.ConsortiumId, "consortiumId");
        var district = await m.Find<Districts.District>(m.Input.DistrictId, "District", "districtId");
        if (consortium is null || district is null) return null;
        var membership = await m.Db.ConsortiumMemberships.FirstOrDefaultAsync(x => x.ConsortiumId == consortium.Id && x.DistrictId == district.Id && x.LeftOn == null, m.Field.CancellationToken);
        var leftOn = m.Input.LeftOn ?? m.Today;
        if (membership is null)
        {
            m.Violates("NOT_A_MEMBER", $"{district.Name} is not a member of {consortium.Name}.", "districtId");
            return null;
        }
        if (leftOn > m.Today) m.Invalid("EFFECTIVE_IN_FUTURE", "`leftOn` is in the future; record it on the day the district leaves.", "leftOn");
        else if (leftOn < membership.JoinedOn) m.Invalid("INVALID_RANGE", $"`leftOn` is before {district.Name} joined ({membership.JoinedOn:yyyy-MM-dd}).", "leftOn");
        var open = await m.Db.PartnershipMembers.Where(pm => pm.DistrictId == district.Id && pm.Partnership.ConsortiumId == consortium.Id && pm.LeftOn == null
                && (pm.Partnership.Status == Partnerships.PartnershipStatus.Proposed || pm.Partnership.Status == Partnerships.PartnershipStatus.Active))
            .Select(pm => pm.Partnership.Name).ToListAsync(m.Field.CancellationToken);
        if (open.Count > 0)
            m.Violates("STILL_IN_PARTNERSHIPS", $"{district.Name} is still a member of {string.Join(", ", open)}; it leaves them (leavePartnership) before the consortium.", "districtId");
        if (m.Failed) return null;
        membership.LeftOn = leftOn;
        m.Revise(consortium, m.Input.ExpectedRevision);
        return consortium;
    }

    private static async Task<Consortium?> ArchiveAsync(MutationContext<ArchiveConsortiumInput> m)
    {
        var consortium = await AdministeredAsync(m, m.Input.Id, "id");
        var reason = m.Text(m.Input.Reason, "reason", 2000);
        if (consortium is null || reason is null) return null;
        if (consortium.ArchivedOn is not null)
            m.Violates("CONSORTIUM_ARCHIVED", $"{consortium.Name} was archived on {consortium.ArchivedOn:yyyy-MM-dd}.", "id");
        var open = await m.Db.Partnerships.CountAsync(p => p.ConsortiumId == consortium.Id
            && (p.Status == Partnerships.PartnershipStatus.Proposed || p.Status == Partnerships.PartnershipStatus.Active), m.Field.CancellationToken);
        if (open > 0)
            m.Violates("OPEN_PARTNERSHIPS", $"{consortium.Name} has {open} partnership{(open == 1 ? "" : "s")} still PROPOSED or ACTIVE; complete or dissolve them first.", "id");
        if (m.Failed) return null;
        consortium.ArchivedOn = m.Today;
        consortium.ArchiveReason = reason;
        m.Revise(consortium, m.Input.ExpectedRevision);
        return consortium;
    }

    /// <summary>
    /// The consortium a global ID names. Only admins call these mutations, and the row filter shows an admin only the
    /// consortia it administers (a platform admin all): any other is NOT_FOUND, as everywhere.
    /// </summary>
    private static Task<Consortium?> AdministeredAsync<TInput>(MutationContext<TInput> m, string id, string inputField) =>
        m.Find<Consortium>(id, "Consortium", inputField);
}
