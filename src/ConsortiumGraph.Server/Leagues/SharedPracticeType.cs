using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class SharedPracticeType : NodeType<SharedPractice>
{
    public SharedPracticeType() : base("A practice a member school shares with the League: what it is, what worked and what did not, and the dimensions it serves.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field<NonNullGraphType<LeagueMembershipType>>("sharedBy").Description("The sharing school's League membership.").Resolve(c => c.ById<LeagueMembership>(c.Source.MembershipId));
        Field(p => p.Title).Description("The practice's name.");
        Field(p => p.Summary).Description("What it is, in the school's words.");
        Field(p => p.WhatWorked, nullable: true).Description("What worked.");
        Field(p => p.WhatDidNot, nullable: true).Description("What did not, and what the school would do differently.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dimensions").Description("Keys of the framework dimensions it serves.").Resolve(c => c.Source.Dimensions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("gradeLevels").Description("The grades it was tried in (\"9\", \"K\").").Resolve(c => c.Source.GradeLevels);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("links").Description("Links to its materials: absolute http or https addresses.").Resolve(c => c.Source.Links);
        Field(p => p.SharedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it was shared.");
    }
}
