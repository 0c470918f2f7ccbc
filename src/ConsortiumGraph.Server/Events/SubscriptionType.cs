using ConsortiumGraph.Access;
using ConsortiumGraph.Agreements;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Events;

/// <summary>
/// Live updates over WebSocket (graphql-transport-ws). Each event is resolved like a query, as the
/// subscriber, so a subscriber hears only about rows it may read: a district of partnerships it
/// belongs to, a funder of what it funds.
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live updates: each field sends the changed object whenever it changes, to subscribers who may read it.";
        this.AuthorizeWithRoles(Readers.Members);
        Event<DecisionType, Decision>("voteCast", ConsortiumEvent.VoteCast, "A member voted: the decision with its votes.", "partnershipId", "Partnership", d => d.PartnershipId);
        Event<DecisionType, Decision>("decisionClosed", ConsortiumEvent.DecisionClosed, "A decision was adopted or rejected, expired at its deadline, or was withdrawn.", "partnershipId", "Partnership", d => d.PartnershipId);
        Event<CommitmentType, Commitment>("commitmentChanged", ConsortiumEvent.CommitmentChanged, "A commitment was made or changed, or progress was reported on it.", "partnershipId", "Partnership", c => c.PartnershipId);
        Event<PartnershipType, Partnership>("partnershipStatusChanged", ConsortiumEvent.PartnershipStatusChanged, "A partnership became active, completed or dissolved.", "consortiumId", "Consortium", p => p.ConsortiumId);
        Event<AgreementType, Agreement>("agreementVersionAdded", ConsortiumEvent.AgreementVersionAdded, "An agreement was amended or renewed: the new version awaits every member's signature.", "partnershipId", "Partnership", a => a.PartnershipId);
        Event<AgreementType, Agreement>("agreementSigned", ConsortiumEvent.AgreementSigned, "A member signed an agreement.", "partnershipId", "Partnership", a => a.PartnershipId);
        // The League's: its people only (staff, admins, its schools' leaders), never funders.
        Event<Leagues.PeerVisitType, Leagues.PeerVisit>("visitScheduled", ConsortiumEvent.VisitScheduled, "A peer visit was booked: the visit, with its host and team.",
            "hostMembershipId", "LeagueMembership", v => v.HostMembershipId).AuthorizeWithRoles(Readers.League);
        Event<Leagues.PeerVisitType, Leagues.PeerVisit>("visitFeedbackGiven", ConsortiumEvent.VisitFeedbackGiven, "A visitor gave feedback: the visit, with all its feedback.",
            "hostMembershipId", "LeagueMembership", v => v.HostMembershipId).AuthorizeWithRoles(Readers.League);
        Event<Leagues.SharedPracticeType, Leagues.SharedPractice>("practiceShared", ConsortiumEvent.PracticeShared, "A member school shared a practice.",
            "leagueId", "League", p => p.LeagueId,
            also: ("dimension", "Only practices serving this dimension (its key): the dimensions a school follows.", (p, dimension) => p.Dimensions.Contains(dimension)))
            .AuthorizeWithRoles(Readers.League);
    }

    /// <summary>
    /// A subscription field: events of one kind, each loaded as the subscriber, narrowed to the ID in <paramref name="filter"/> when
    /// given and, with <paramref name="also"/>, to a string argument of its own (a dimension a school follows).
    /// </summary>
    private FieldType Event<TGraphType, T>(string name, string kind, string description, string filter, string filterType, Func<T, int> filterKey,
        (string Argument, string Description, Func<T, string, bool> Matches)? also = null)
        where TGraphType : IGraphType where T : Entity
    {
        var field = Field<TGraphType>(name).Description(description + $" Only those of `{filter}`{(also is { } a ? $", and of `{a.Argument}`," : "")} when given.")
            .Argument<IdGraphType>(filter, $"Only events of this {filterType}.");
        if (also is { } extra) field.Argument<StringGraphType>(extra.Argument, extra.Description);
        return field
            .ResolveStream(c => c.RequestServices!.GetRequiredService<EventHub>())
            .Resolve(c =>
            {
                // The event is the field's source: the root value when the WebSocket transport runs it, the stream's item otherwise.
                if (c.Source is not ConsortiumEvent e || e.Kind != kind) return null;
                var only = c.GetArgument<string?>(filter);
                int? wanted = only is null ? null : GlobalId.TryDecode(only, filterType, out var id) ? id : -1;
                var value = also is { } a ? c.GetArgument<string?>(a.Argument) : null;
                // Loaded as the subscriber: a row it may not read is null, and null is not sent.
                return c.ById<T>(e.EntityId).Then(entity => entity is not null && (wanted is null || filterKey(entity) == wanted)
                    && (value is null || also!.Value.Matches(entity, value)) ? entity : null);
            }).FieldType;
    }
}
