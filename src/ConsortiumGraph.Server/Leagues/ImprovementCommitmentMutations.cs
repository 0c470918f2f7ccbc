using ConsortiumGraph.Access;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A school's improvement commitments: made by those who act for the school (its leaders, its district's staff, the
/// League's admins), on the framework's dimensions, and reported on as partnership commitments are. A report revises
/// its commitment, so fifty at once serialize: after the one that says DONE, the rest are refused.
/// </summary>
public static class ImprovementCommitmentMutations
{
    public static void AddImprovementCommitmentMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CommitToImproveInput, ImprovementCommitmentType, ImprovementCommitment>("commitToImprove",
            "A member school commits to improve on dimensions of its League's framework, from its plan or as the follow-up to a peer visit it hosted. Its leaders, its district's staff, or the League's consortium's admins.", CommitAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<ReportImprovementProgressInput, ImprovementCommitmentType, ImprovementCommitment>("reportImprovementProgress",
            "Adds a dated progress report to a school's improvement commitment and sets its status. Its leaders, its district's staff, or the League's consortium's admins.", ReportAsync)
            .AuthorizeWithRoles(Readers.League);
    }

    private static async Task<ImprovementCommitment?> CommitAsync(MutationContext<CommitToImproveInput> m)
    {
        var input = m.Input;
        var membership = await LeagueMutations.MembershipAsync(m, input.MembershipId);
        var title = m.Text(input.Title, "title", 200);
        var description = m.Text(input.Description, "description", 4000, required: false);
        if (input.DueOn < m.Today) m.Invalid("IN_THE_PAST", $"`dueOn` is before today ({m.Today:yyyy-MM-dd}).", "dueOn");
        var visit = await m.Find<PeerVisit>(input.FollowUpOfVisitId, "PeerVisit", "followUpOfVisitId");
        if (membership is null || title is null || m.Failed) return null;
        if (membership.Status != LeagueMembershipStatus.Active)
            m.Violates("NOT_ACTIVE", $"{membership.School.Name} is not an active member of {membership.League.Name}: members commit to improve.", "membershipId");
        if (visit is not null && visit.HostMembershipId != membership.Id)
            m.Violates("NOT_HOST", $"{membership.School.Name} did not host that visit: a follow-up answers feedback the school received.", "followUpOfVisitId");
        else if (visit is not null && visit.StatusOn(m.Today) != PeerVisitStatus.Held)
            m.Violates("NOT_HELD", $"That visit is {visit.StatusOn(m.Today).ToString().ToUpperInvariant()}: a follow-up comes after the visit.", "followUpOfVisitId");
        var dimensions = await DimensionKeys.CheckAsync(m, membership.League, input.Dimensions, "the commitment works on");
        if (dimensions is null || m.Failed) return null;
        var commitment = new ImprovementCommitment
        {
            LeagueId = membership.LeagueId, MembershipId = membership.Id, Title = title, Description = description, Dimensions = dimensions, DueOn = input.DueOn,
            Status = CommitmentStatus.Planned, VisitId = visit?.Id, CreatedAt = m.Now,
        };
        m.Db.ImprovementCommitments.Add(commitment);
        return commitment;
    }

    private static async Task<ImprovementCommitment?> ReportAsync(MutationContext<ReportImprovementProgressInput> m)
    {
        var input = m.Input;
        var commitment = await m.Find<ImprovementCommitment>(input.CommitmentId, "ImprovementCommitment", "commitmentId",
            q => q.Include(c => c.Membership).ThenInclude(x => x.School).ThenInclude(s => s.District));
        var note = m.Text(input.Note, "note", 4000, required: false);
        if (input.PercentComplete is < 0 or > 100) m.Invalid("OUT_OF_RANGE", "`percentComplete` must be between 0 and 100.", "percentComplete");
        if (commitment is null || m.Failed) return null;
        if (!LeagueMutations.ActsForSchool(m, commitment.Membership.School, "commitmentId")) return null;
        if (commitment.Status is CommitmentStatus.Done or CommitmentStatus.Dropped)
        {
            m.Violates("COMMITMENT_CLOSED", $"The commitment is {commitment.Status.ToString().ToUpperInvariant()}; it takes no more progress reports.", "commitmentId");
            return null;
        }
        commitment.Status = input.Status;
        commitment.Progress.Add(new ImprovementProgress { ReportedAt = m.Now, Status = input.Status, PercentComplete = input.PercentComplete, Note = note });
        m.Revise(commitment, input.ExpectedRevision);
        return commitment;
    }
}
