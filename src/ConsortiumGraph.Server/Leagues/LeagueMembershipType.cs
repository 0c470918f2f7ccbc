using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Schools;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class LeagueMembershipType : NodeType<LeagueMembership>
{
    private static readonly RowsByKey<LetterSignature> Signatures = new("SignaturesByMembershipId", s => s.MembershipId, q => q.OrderBy(s => s.SignedAt).ThenBy(s => s.Id));
    private static readonly RowsByKey<SelfAssessment> Assessments = new("SelfAssessmentsByMembershipId", a => a.MembershipId, q => q.OrderBy(a => a.AssessedOn));

    public LeagueMembershipType() : base("A school's membership of a League: asked for, active once its letter of commitment is fully signed, and ended by leaving.")
    {
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field<NonNullGraphType<SchoolType>>("school").Description("The school.").Resolve(c => c.ById<School>(c.Source.SchoolId));
        Field<NonNullGraphType<EnumerationGraphType<LeagueMembershipStatus>>>("status").Description("PENDING, ACTIVE or LEFT.").Resolve(c => c.Source.Status);
        Field(m => m.RequestedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day the school decided to join.");
        Field(m => m.JoinedOn, type: typeof(DateType)).Description("The day the letter was fully signed: a member from then.");
        Field(m => m.LeftOn, type: typeof(DateType)).Description("The day the school left.");
        Field(m => m.LeaveReason, nullable: true).Description("Why it left.");
        Field(m => m.Revision).Description("Changes with every signature and with leaving; send it back as `expectedRevision`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LetterSignatureType>>>>("signatures").Description("The letter of commitment's signatures, in the order given.")
            .WithComplexityImpact(1, 4)
            .Resolve(c => Signatures.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<Signatory>>>>>("missingSignatures")
            .Description("Who has yet to sign the letter; empty once the school is a member.")
            .WithComplexityImpact(1, 4)
            .Resolve(c => Signatures.Load(c, c.Source.Id).Then(s => LeagueMembership.MissingSignatures(s).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SelfAssessmentType>>>>("selfAssessments").Description("The school's self-assessments in the League, earliest first: its history, never overwritten.")
            .WithComplexityImpact(1, Bounded.Years)
            .Resolve(c => Assessments.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionTrajectoryType>>>>("trajectory")
            .Description("The school's ratings per dimension over time against its own first rating, with the League's median beside each: compared with itself first, then with its peers.")
            .WithComplexityImpact(1, Bounded.Dimensions)
            .Resolve(c => LeagueRatings.Load(c, c.Source.LeagueId).Then(h => h.TrajectoryOf(c.Source.Id)));
    }
}
