using ConsortiumGraph.LocalFields;
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

    private static readonly RowsByKey<PeerVisit> Hosted = new("VisitsByHostMembershipId", v => v.HostMembershipId, q => q.OrderByDescending(v => v.VisitOn).ThenBy(v => v.Id));
    private static readonly RowsThroughLink<PeerVisitor, PeerVisit> Made = new("VisitsMadeBySchoolId", v => v.SchoolId ?? 0, v => v.Visit);
    // Keyed through the visit: RowsThroughLink projects the key in SQL, where RowsByKey would group on a navigation it did not load.
    private static readonly RowsThroughLink<VisitFeedback, VisitFeedback> Received = new("FeedbackByHostMembershipId", f => f.Visit.HostMembershipId, f => f);
    private static readonly RowsByKey<ImprovementCommitment> Commitments = new("ImprovementCommitmentsByMembershipId", x => x.MembershipId, q => q.OrderBy(x => x.DueOn).ThenBy(x => x.Id));
    private static readonly RowsByKey<ConveningRegistration> Registrations = new("ConveningRegistrationsByMembershipId", r => r.MembershipId, q => q.OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id));
    private static readonly RowsByKey<SharedPractice> Practices = new("PracticesByMembershipId", p => p.MembershipId, q => q.OrderByDescending(p => p.SharedAt).ThenBy(p => p.Id));

    public LeagueMembershipType() : base("A school's membership of a League: asked for, active once its letter of commitment is fully signed, and ended by leaving.")
    {
        this.AuthorizeWithRoles(Readers.League);
        LocalFieldsType.AddTo(this);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field<NonNullGraphType<SchoolType>>("school").Description("The school.").Resolve(c => c.Reference(c.Source.School, c.Source.SchoolId));
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeerVisitType>>>>("visitsHosted").Description("The peer visits the school hosted or will host in the League, latest first.")
            .WithComplexityImpact(1, Bounded.Visits)
            .Resolve(c => Hosted.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeerVisitType>>>>("visitsMade").Description("The League's peer visits the school's educators went on, latest first.")
            .WithComplexityImpact(1, Bounded.Visits)
            .Resolve(c => Made.Load(c, c.Source.SchoolId).Then(v => v.Where(x => x.LeagueId == c.Source.LeagueId).DistinctBy(x => x.Id)
                .OrderByDescending(x => x.VisitOn).ThenBy(x => x.Id).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitFeedbackType>>>>("feedbackReceived").Description("The feedback visitors gave the school, in the order given.")
            .WithComplexityImpact(1, Bounded.Visits * PeerVisitType.MaxVisitors)
            .Resolve(c => Received.Load(c, c.Source.Id).Then(f => f.OrderBy(x => x.GivenAt).ThenBy(x => x.Id).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImprovementCommitmentType>>>>("commitments")
            .Description("The school's improvement commitments in the League, by due date (undated last): from its plan, and its visits' follow-ups.")
            .WithComplexityImpact(1, Bounded.Visits)
            .Resolve(c => Commitments.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConveningRegistrationType>>>>("convenings").Description("The convenings the school's team registered for, with its attendance.")
            .WithComplexityImpact(1, Bounded.Visits)
            .Resolve(c => Registrations.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SharedPracticeType>>>>("practices").Description("The practices the school shared, newest first.")
            .WithComplexityImpact(1, Bounded.Visits)
            .Resolve(c => Practices.Load(c, c.Source.Id));
    }
}
