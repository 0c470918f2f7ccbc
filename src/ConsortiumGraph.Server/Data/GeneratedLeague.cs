using ConsortiumGraph.Consortia;
using ConsortiumGraph.Leagues;
using ConsortiumGraph.Schools;

namespace ConsortiumGraph.Data;

/// <summary>
/// A generated League (<see cref="ScaleData"/>): a framework of six practices on a four-level scale, the schools that
/// joined with their signed letters, a self-assessment each spring since joining whose ratings mostly climb, and the
/// practices schools share, written from a vocabulary so that a word search finds some and not others.
/// </summary>
public static class GeneratedLeague
{
    private static readonly string[] Levels = ["Beginning", "Developing", "Implementing", "Sustaining"];

    private static readonly (string Key, string Name)[] Dimensions =
    [
        ("personalized-learning", "Personalized learning"), ("student-voice", "Student voice and agency"), ("community-partnerships", "Community partnerships"),
        ("data-driven-instruction", "Data-driven instruction"), ("professional-collaboration", "Professional collaboration"), ("family-engagement", "Family engagement"),
    ];

    private static readonly string[] Practices =
    [
        "Student-led conferences", "Peer observation cycles", "Advisory periods", "Project-based learning units", "Competency-based grading",
        "Flexible scheduling blocks", "Family engagement nights", "Math intervention blocks", "Career pathway internships", "Data team protocols",
        "Restorative circles", "Instructional coaching rounds", "Dual-credit partnerships", "Literacy workshops for families", "Exhibitions of learning",
    ];

    private static readonly string[] Outcomes =
    [
        "attendance rose in the first semester", "students spoke about their goals with confidence", "teachers planned lessons together every week",
        "families came to conferences in greater numbers", "failing grades fell among ninth graders", "local employers hosted students for internships",
        "teachers used common assessments to regroup students", "students presented portfolios to the community",
    ];

    private static readonly string[] Obstacles =
    [
        "scheduling the time was hard in the first year", "rural bus routes limited evening events", "substitute coverage ran short during observation weeks",
        "the data system needed a new export", "some families needed translation we had not planned for",
    ];

    public static void Add(Consortium consortium, int number, IReadOnlyList<School> schools, DateOnly today, Random random, Action<object> add)
    {
        var created = today.AddYears(-5).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var league = new League
        {
            Consortium = consortium, Name = $"League of Innovative Schools {number:000}", CreatedAt = created,
            Commitment = "We commit to rate ourselves honestly against the League's framework every year, to host and make peer visits, and to share what works.",
        };
        add(league);
        var framework = new ImprovementFramework { League = league, Version = 1, Name = "Framework for school improvement", Levels = [.. Levels], DefinedAt = created };
        add(framework);
        var dimensions = Dimensions.Select((d, i) => new FrameworkDimension
        {
            Framework = framework, Position = i + 1, Key = d.Key, Name = d.Name, Description = $"{d.Name} across the school.",
            Descriptors = [.. Levels.Select(level => $"{d.Name}: {level.ToLowerInvariant()}.")],
        }).ToList();
        dimensions.ForEach(add);

        foreach (var school in schools)
        {
            var requested = today.AddDays(-random.Next(120, 1700));
            var joined = requested.AddDays(random.Next(10, 60));
            var membership = new LeagueMembership { League = league, School = school, District = school.District, RequestedOn = requested, JoinedOn = joined };
            add(membership);
            foreach (var signatory in Enum.GetValues<Signatory>())
                add(new LetterSignature { Membership = membership, Signatory = signatory, SignedBy = $"{signatory} of {school.Name}", SignedAt = joined.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) });

            // One self-assessment each spring after joining; each rating stays or climbs a level, now and then slips.
            var ratings = dimensions.Select(_ => random.Next(1, 3)).ToArray();
            for (var spring = new DateOnly(joined.Year + (joined.Month >= 4 ? 1 : 0), 4, random.Next(1, 29)); spring <= today; spring = spring.AddYears(1))
            {
                var assessment = new SelfAssessment { Membership = membership, Framework = framework, AssessedOn = spring, RecordedAt = spring.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc) };
                add(assessment);
                for (var d = 0; d < dimensions.Count; d++)
                {
                    add(new DimensionRating { Assessment = assessment, Dimension = dimensions[d], Rating = ratings[d] });
                    ratings[d] = Math.Clamp(ratings[d] + random.Next(10) switch { < 5 => 1, < 9 => 0, _ => -1 }, 1, Levels.Length);
                }
            }

            for (var p = random.Next(0, 4); p > 0; p--)
            {
                var title = Practices[random.Next(Practices.Length)];
                add(new SharedPractice
                {
                    League = league, Membership = membership, Title = title,
                    Summary = $"{title} at {school.Name}: after a year, {Outcomes[random.Next(Outcomes.Length)]}.",
                    WhatWorked = $"Starting small: {Outcomes[random.Next(Outcomes.Length)]}.", WhatDidNot = $"At first {Obstacles[random.Next(Obstacles.Length)]}.",
                    Dimensions = [.. dimensions.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(d => d.Key)],
                    GradeLevels = [.. Enumerable.Range(random.Next(0, 10), random.Next(1, 4)).Select(g => g == 0 ? "K" : g.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    SharedAt = joined.AddDays(random.Next(30, Math.Max(31, today.DayNumber - joined.DayNumber))).ToDateTime(new TimeOnly(10, random.Next(60)), DateTimeKind.Utc),
                });
            }
        }
    }
}
