using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class VisitFeedbackType : NodeType<VisitFeedback>
{
    public VisitFeedbackType() : base("One visitor's feedback to the host school after a peer visit.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<PeerVisitType>>("visit").Description("The visit.").Resolve(c => c.ById<PeerVisit>(c.Source.VisitId));
        Field<NonNullGraphType<EducatorType>>("givenBy").Description("The visitor who gave it.").Resolve(c => c.ById<Educator>(c.Source.EducatorId));
        Field(f => f.Strengths, nullable: true).Description("What the visitor saw working.");
        Field(f => f.Questions, nullable: true).Description("What the visit left the visitor asking.");
        Field(f => f.Suggestions, nullable: true).Description("What the visitor suggests the host try.");
        Field(f => f.GivenAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it was given.");
    }
}
