using ConsortiumGraph.Access;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

public sealed class DimensionPeerType : ObjectType<DimensionPeer>
{
    public DimensionPeerType()
    {
        Name = "DimensionPeer";
        Description = "A member school seen from one dimension of the framework: for finding a critical friend, the school to visit or to ask.";
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueMembershipType>>("membership").Description("The school's League membership.").Resolve(c => c.ById<LeagueMembership>(c.Source.MembershipId));
        Field(p => p.LatestRating, nullable: true).Description("Its latest rating of itself on the dimension; null before it rated it.");
        Field(p => p.OpenCommitments).Description("Its open improvement commitments on the dimension: it is working on it.");
        Field(p => p.PracticesShared).Description("The practices it shared on the dimension.");
    }

    /// <summary>
    /// The League's active members on one dimension, in one statement: those sharing practices first, then by rating.
    /// <paramref name="working"/> and <paramref name="sharing"/> keep only the schools with open commitments or shared practices on it.
    /// </summary>
    public static Task<List<DimensionPeer>> LoadAsync(IResolveFieldContext context, int leagueId, string dimension, bool working, bool sharing) =>
        context.Loaders().ReadAsync(async db =>
        {
            var open = Commitment.OpenStatuses;
            var peers = await db.LeagueMemberships.AsNoTracking().Where(m => m.LeagueId == leagueId && m.JoinedOn != null && m.LeftOn == null)
                .Select(m => new DimensionPeer(m.Id,
                    db.DimensionRatings.Where(r => r.Assessment.MembershipId == m.Id && r.Dimension.Key == dimension)
                        .OrderByDescending(r => r.Assessment.AssessedOn).Select(r => (int?)r.Rating).FirstOrDefault(),
                    db.ImprovementCommitments.Count(x => x.MembershipId == m.Id && open.Contains(x.Status) && x.Dimensions.Contains(dimension)),
                    db.SharedPractices.Count(p => p.MembershipId == m.Id && p.Dimensions.Contains(dimension))))
                .ToListAsync(context.CancellationToken);
            return peers.Where(p => (!working || p.OpenCommitments > 0) && (!sharing || p.PracticesShared > 0))
                .OrderByDescending(p => p.PracticesShared).ThenByDescending(p => p.LatestRating ?? 0).ThenBy(p => p.MembershipId).ToList();
        }, context.CancellationToken);
}
