using ConsortiumGraph.Access;
using GraphQL;
using ConsortiumGraph.Graph;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>The League's practice exchange: member schools share what they tried, against the framework's dimensions. Shared practices only add rows, so nothing collides.</summary>
public static class PracticeMutations
{
    private static readonly string[] Grades = ["K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];

    public static void AddPracticeMutations(this ObjectGraphType mutation) =>
        mutation.Mutation<SharePracticeInput, SharedPracticeType, SharedPractice>("sharePractice",
            "A member school shares a practice with its League, searchable by its words and by the dimensions it serves. Its leaders, its district's staff, or the League's consortium's admins.", ShareAsync)
            .AuthorizeWithRoles(Readers.League);

    private static async Task<SharedPractice?> ShareAsync(MutationContext<SharePracticeInput> m)
    {
        var input = m.Input;
        var membership = await LeagueMutations.MembershipAsync(m, input.MembershipId);
        var title = m.Text(input.Title, "title", 200);
        var summary = m.Text(input.Summary, "summary", 4000);
        var worked = m.Text(input.WhatWorked, "whatWorked", 4000, required: false);
        var didNot = m.Text(input.WhatDidNot, "whatDidNot", 4000, required: false);
        var grades = new List<string>();
        foreach (var (grade, i) in (input.GradeLevels ?? []).Select((g, i) => (g.Trim().ToUpperInvariant(), i)))
        {
            if (!Grades.Contains(grade)) m.Invalid("INVALID_GRADE", $"`{grade}` is not a grade: K, or 1 to 12.", $"gradeLevels.{i}");
            else if (!grades.Contains(grade)) grades.Add(grade);
        }
        var links = input.Links ?? [];
        if (links.Count > SharedPractice.MaxLinks) m.Invalid("OUT_OF_RANGE", $"A practice links to at most {SharedPractice.MaxLinks} materials.", "links");
        var addresses = links.Select((l, i) => m.Website(l, $"links.{i}")).OfType<string>().Distinct().ToList();
        if (membership is null || m.Failed) return null;
        if (membership.Status != LeagueMembershipStatus.Active)
            m.Violates("NOT_ACTIVE", $"{membership.School.Name} is not an active member of {membership.League.Name}: members share practices.", "membershipId");
        var dimensions = await DimensionKeys.CheckAsync(m, membership.League, input.Dimensions, "the practice serves");
        if (dimensions is null || m.Failed) return null;
        var practice = new SharedPractice
        {
            LeagueId = membership.LeagueId, MembershipId = membership.Id, Title = title!, Summary = summary!, WhatWorked = worked, WhatDidNot = didNot,
            Dimensions = dimensions, GradeLevels = grades, Links = addresses, SharedAt = m.Now,
        };
        m.Db.SharedPractices.Add(practice);
        return practice;
    }
}
