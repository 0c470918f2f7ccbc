using ConsortiumGraph.Agreements;
using ConsortiumGraph.Calendars;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Data;

/// <summary>
/// The demo consortium a new database starts with: three New England states, districts of every
/// size and locale, partnerships at every stage. Deterministic for a given clock (tests pin it).
/// The names are invented; the shapes follow the consortium guide and the League's theory of action.
/// </summary>
public static class DemoData
{
    /// <summary>The sample plugins built with the server (plugins/), approved with the demo data for the districts they speak for.</summary>
    public static readonly IReadOnlyList<(string Key, string District)> SamplePlugins = [("riverside", "5000310"), ("mapleRidge", "5000420")];

    private sealed record DistrictSeed(string Code, string Name, string State, Locale Locale, int Enrollment, double Fte, string DataSystem,
        double Lat, double Lon, DayOfWeek? EarlyRelease, string[] Towns);

    private static readonly DistrictSeed[] Districts =
    [
        new("5000310", "Riverside Valley Unified School District", "VT", Locale.Rural, 1180, 2.5, "PowerSchool", 44.26, -72.58, DayOfWeek.Friday, ["Riverside", "Moretown"]),
        new("5000420", "Maple Ridge School District", "VT", Locale.Town, 2450, 4.0, "Infinite Campus", 44.48, -73.10, DayOfWeek.Wednesday, ["Maple Ridge", "Essex Falls", "Williston Corner"]),
        new("5000530", "Green Mountain Union School District", "VT", Locale.Rural, 640, 1.0, "PowerSchool", 43.62, -72.97, null, ["Chittenden Hollow", "Pittsford"]),
        new("5000640", "Lakeport City Schools", "VT", Locale.City, 4100, 6.5, "Infinite Campus", 44.47, -73.21, DayOfWeek.Wednesday, ["Lakeport", "North Lakeport", "Lakeport Harbor", "South End", "Oak Hill"]),
        new("3300710", "Granite Falls School District", "NH", Locale.Suburb, 5200, 7.0, "Skyward", 42.99, -71.46, DayOfWeek.Wednesday, ["Granite Falls", "Bedford Road", "Merrimack Bend", "Pine Hill", "Amoskeag"]),
        new("3300820", "White Birch Cooperative School District", "NH", Locale.Rural, 870, 1.5, "PowerSchool", 44.05, -71.68, DayOfWeek.Friday, ["Lincoln Notch", "Woodstock"]),
        new("3300930", "Pemigewasset Regional School District", "NH", Locale.Town, 1900, 3.0, "Skyward", 43.76, -71.69, DayOfWeek.Thursday, ["Plymouth Green", "Ashland Mills", "Holderness"]),
        new("3301040", "Connecticut River Valley School District", "NH", Locale.Rural, 1320, 2.0, "PowerSchool", 43.64, -72.25, DayOfWeek.Friday, ["Lebanon Falls", "Orford"]),
        new("2300150", "Kennebec Highlands Regional School Unit", "ME", Locale.Rural, 1540, 2.0, "Infinite Campus", 44.55, -69.63, DayOfWeek.Wednesday, ["Oakland Mills", "Belgrade Lakes", "Sidney"]),
        new("2300260", "Penobscot Bay School District", "ME", Locale.Town, 2210, 3.5, "PowerSchool", 44.40, -68.99, DayOfWeek.Friday, ["Belfast Harbor", "Searsport", "Stockton Springs"]),
        new("2300370", "Aroostook North School Administrative District", "ME", Locale.Rural, 480, 0.5, "PowerSchool", 47.11, -68.15, null, ["Fort Kent Mills", "Eagle Lake"]),
        new("2300480", "Casco Shore School Department", "ME", Locale.Suburb, 3300, 5.0, "Infinite Campus", 43.70, -70.26, DayOfWeek.Wednesday, ["Casco Shore", "Falmouth Point", "Cumberland Center", "Yarmouth Bridge"]),
    ];

    public static async Task SeedAsync(ConsortiumDb db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(2026);

        var northern = new Consortium
        {
            Name = "Northern New England Rural Schools Consortium",
            SharedGoal = "Every student in our small and rural districts has the courses, teachers and supports a large district offers, at a cost our communities can carry.",
        };
        var upperValley = new Consortium
        {
            Name = "Upper Valley Professional Learning Network",
            SharedGoal = "Teachers improve instruction by learning from each other across district and state lines.",
        };
        db.Consortia.AddRange(northern, upperValley);

        var districts = Districts.Select(d => new District
        {
            Code = d.Code, Name = d.Name, State = d.State, Locale = d.Locale, Enrollment = d.Enrollment,
            StaffCapacityFte = d.Fte, DataSystem = d.DataSystem, Latitude = d.Lat, Longitude = d.Lon,
        }).ToList();
        db.Districts.AddRange(districts);
        foreach (var district in districts)
            northern.Memberships.Add(new ConsortiumMembership { District = district, JoinedOn = new DateOnly(2021, 7, 1) });
        foreach (var i in new[] { 0, 2, 5, 7 })
            upperValley.Memberships.Add(new ConsortiumMembership { District = districts[i], JoinedOn = new DateOnly(2023, 8, 15) });

        AddSchools(db, districts, random);
        AddCalendars(db, districts, random);

        var d = districts;
        var partnerships = new List<Partnership>
        {
            Partnership(northern, "Regional Bus and Fuel Purchasing", PartnershipKind.JointPurchasing, PartnershipStatus.Active,
                "Buy school buses, diesel and heating oil at consortium prices.", new(2024, 7, 1), new(2027, 6, 30),
                [(d[0], MemberRole.Lead), (d[2], MemberRole.Member), (d[5], MemberRole.Member), (d[8], MemberRole.Member), (d[10], MemberRole.Member)],
                [("budget", DecisionRule.Majority), ("vendor-selection", DecisionRule.TwoThirds)]),
            Partnership(northern, "Shared Speech-Language Pathologist", PartnershipKind.SharedStaff, PartnershipStatus.Active,
                "Give every student who needs speech-language services a licensed pathologist none of us could hire alone.", new(2025, 8, 25), new(2027, 6, 15),
                [(d[5], MemberRole.Lead), (d[7], MemberRole.Member), (d[2], MemberRole.Member)],
                [("staffing", DecisionRule.Unanimous), ("schedule", DecisionRule.LeadDistrict)]),
            Partnership(northern, "AP Physics by Video Link", PartnershipKind.SharedCourse, PartnershipStatus.Active,
                "Offer AP Physics taught by one excellent teacher to students in four high schools.", new(2025, 8, 27), new(2026, 6, 12),
                [(d[1], MemberRole.Lead), (d[0], MemberRole.Member), (d[10], MemberRole.Member), (d[6], MemberRole.Member)],
                [("curriculum", DecisionRule.LeadDistrict), ("schedule", DecisionRule.Unanimous)]),
            Partnership(northern, "Rural Math Teacher Network", PartnershipKind.ProfessionalLearning, PartnershipStatus.Active,
                "Math teachers visit each other's classrooms and hold each other to the same improvement commitments.", new(2024, 9, 1), null,
                [(d[4], MemberRole.Lead), (d[0], MemberRole.Member), (d[1], MemberRole.Member), (d[6], MemberRole.Member), (d[9], MemberRole.Member), (d[11], MemberRole.Member)],
                [("agenda", DecisionRule.Majority), ("data-sharing", DecisionRule.Unanimous)]),
            Partnership(northern, "Rural Broadband for Students", PartnershipKind.Advocacy, PartnershipStatus.Completed,
                "Speak with one voice to three legislatures for home broadband in rural towns.", new(2022, 1, 10), new(2024, 5, 31),
                [(d[8], MemberRole.Lead), (d[0], MemberRole.Member), (d[5], MemberRole.Member), (d[10], MemberRole.Member)],
                [("positions", DecisionRule.TwoThirds)]),
            Partnership(northern, "Proficiency-Based Learning Grant", PartnershipKind.GrantProject, PartnershipStatus.Active,
                "Move five high schools to proficiency-based graduation with shared rubrics and coaching.", new(2025, 7, 1), new(2028, 6, 30),
                [(d[3], MemberRole.Lead), (d[4], MemberRole.FiscalAgent), (d[1], MemberRole.Member), (d[9], MemberRole.Member), (d[11], MemberRole.Member)],
                [("budget", DecisionRule.FiscalAgent), ("curriculum", DecisionRule.Majority), ("staffing", DecisionRule.TwoThirds)]),
            Partnership(northern, "Shared Student Information System", PartnershipKind.SharedService, PartnershipStatus.Proposed,
                "Run one student information system so roll-ups across districts take minutes, not weeks.", new(2027, 7, 1), null,
                [(d[2], MemberRole.Lead), (d[5], MemberRole.Member), (d[7], MemberRole.Member), (d[10], MemberRole.Member)],
                [("vendor-selection", DecisionRule.Unanimous), ("data-sharing", DecisionRule.Unanimous)]),
            Partnership(northern, "Special Education Coordinator Share", PartnershipKind.SharedStaff, PartnershipStatus.Proposed,
                "Share one special education coordinator across three small districts.", new(2027, 1, 5), new(2028, 6, 30),
                [(d[9], MemberRole.Lead), (d[8], MemberRole.Member), (d[11], MemberRole.Member)],
                [("staffing", DecisionRule.Majority)]),
            Partnership(northern, "Summer Bridge Program", PartnershipKind.GrantProject, PartnershipStatus.Completed,
                "A four-week summer program for students entering ninth grade.", new(2023, 6, 26), new(2025, 8, 15),
                [(d[6], MemberRole.Lead), (d[7], MemberRole.FiscalAgent), (d[5], MemberRole.Member)],
                [("budget", DecisionRule.FiscalAgent)]),
            Partnership(northern, "Joint Food Service Purchasing", PartnershipKind.JointPurchasing, PartnershipStatus.Dissolved,
                "Buy food service supplies together.", new(2022, 7, 1), new(2023, 12, 31),
                [(d[3], MemberRole.Lead), (d[11], MemberRole.Member)],
                [("vendor-selection", DecisionRule.Majority)]),
            Partnership(upperValley, "Upper Valley Literacy Coaching Network", PartnershipKind.ProfessionalLearning, PartnershipStatus.Active,
                "Literacy coaches from four districts plan, observe and debrief together every month.", new(2024, 9, 3), null,
                [(d[7], MemberRole.Lead), (d[0], MemberRole.Member), (d[2], MemberRole.Member), (d[5], MemberRole.Member)],
                [("agenda", DecisionRule.Majority)]),
        };
        db.Partnerships.AddRange(partnerships);

        AddAgreements(partnerships, now);
        AddCommitments(partnerships, random, now);
        AddDecisions(partnerships, random, now);
        // Three more districts joined the bus partnership for its second year, when the bus contract made it worth it.
        foreach (var district in new[] { d[1], d[3], d[11] })
            partnerships[0].Members.Add(new PartnershipMember { District = district, JoinedOn = new DateOnly(2025, 6, 15) });
        // What the grants pay for, as the members committed it: Summer Bridge's seats for students in its summer sessions,
        // and the Proficiency grant's coaching time; set after the random draws, so the rest of the demo stays as it was.
        foreach (var (commitment, i) in partnerships[8].Commitments.Select((c, i) => (c, i)))
            commitment.StudentSeats = 12 + i % 4 * 3;
        foreach (var (commitment, i) in partnerships[5].Commitments.Select((c, i) => (c, i)))
            commitment.StaffFte = i % 2 == 0 ? 0.2 : 0.1;

        var fund = new Funder { Name = "Tri-State Rural Education Fund" };
        var foundation = new Funder { Name = "Lakeshore Community Foundation" };
        db.Funders.AddRange(fund, foundation);
        var grants = new[]
        {
            new Grant { Funder = fund, Partnership = partnerships[5], FiscalAgent = d[4], Amount = 450_000m, StartsOn = new(2025, 7, 1), EndsOn = new(2028, 6, 30) },
            new Grant { Funder = foundation, Partnership = partnerships[5], FiscalAgent = d[4], Amount = 75_000m, StartsOn = new(2025, 9, 1), EndsOn = new(2026, 8, 31) },
            new Grant { Funder = fund, Partnership = partnerships[8], FiscalAgent = d[7], Amount = 120_000m, StartsOn = new(2023, 6, 1), EndsOn = new(2025, 8, 31) },
        };
        db.Grants.AddRange(grants);
        AddGrantBooks(db, grants[0], grants[1], grants[2], d);

        var indicators = AddIndicators(db, northern, upperValley, districts, random, now);
        AddConsents(db, indicators, districts, partnerships[0], now);
        AddPurchases(db, northern, partnerships, random);
        AddCostSharing(db, partnerships, d);
        AddLeague(db, northern);
        AddPolicies(db, northern, partnerships.First(p => p.Kind == PartnershipKind.Advocacy && p.Consortium == northern));

        await db.SaveChangesAsync(cancellationToken);

        // Maple Ridge's Infinite Campus figures for the year, as its staff record them (the mapleRidge plugin's stored
        // fields): what its computed attendance rate reads. Stored values name their entity by key, known only now.
        var mapleRidge = districts.Single(x => x.Code == "5000420");
        foreach (var (field, value) in new[] { ("sisAverageDailyAttendance", 2267.5m), ("sisAverageDailyMembership", 2410m) })
            db.LocalFieldValues.Add(new LocalFields.LocalFieldValue
            {
                Plugin = "mapleRidge", EntityType = "District", EntityId = mapleRidge.Id, Field = field, Value = LocalFields.LocalValueCodec.Encode(value), UpdatedAt = now,
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The League of Innovative Schools: twenty secondary schools in three states (two of them outside the member
    /// districts: a charter school and a regional career-technical center), a framework of six dimensions, and three
    /// years of self-assessments at visibly different rates: some schools climb a level a year, some half a level,
    /// some hold. Its own random-free arithmetic, so the rest of the demo stays as it was.
    /// </summary>
    private static void AddLeague(ConsortiumDb db, Consortium consortium)
    {
        var league = new Leagues.League
        {
            Consortium = consortium, Name = "League of Innovative Schools", CreatedAt = new DateTime(2022, 6, 1, 15, 0, 0, DateTimeKind.Utc),
            Commitment = "Our school commits to improve, every year, how every student learns: to rate ourselves honestly against the League's framework, " +
                "to plan from what we find, to open our doors to visiting educators and give them candid feedback in turn, and to share what works and what does not.",
        };
        var practices = new (string Key, string Name, string Practice)[]
        {
            ("personalized-learning", "Personalized learning", "learning paced and shaped around each student's goals"),
            ("proficiency-based-learning", "Proficiency-based learning", "grading and advancement on demonstrated proficiency"),
            ("multiple-pathways", "Multiple pathways", "pathways to graduation through courses, internships, dual enrollment and career-technical programs"),
            ("shared-leadership", "Shared leadership", "decisions shared among teachers, students and administrators"),
            ("family-community", "Family and community partnership", "families and community partners in students' learning"),
            ("student-voice", "Student voice", "students shaping what and how the school teaches"),
        };
        var framework = new Leagues.ImprovementFramework
        {
            League = league, Version = 1, Name = "Framework of School Practices", DefinedAt = new DateTime(2022, 8, 15, 14, 0, 0, DateTimeKind.Utc),
            Levels = ["Beginning", "Developing", "Proficient", "Exemplary"],
            Dimensions = [.. practices.Select((p, i) => new Leagues.FrameworkDimension
            {
                Position = i + 1, Key = p.Key, Name = p.Name, Description = $"How far the school has come in {p.Practice}.",
                Descriptors =
                [
                    $"A few classrooms try {p.Practice}; there is no school-wide plan.",
                    $"A school-wide plan for {p.Practice} is under way in many classrooms.",
                    $"Most classrooms work this way, with evidence that {p.Practice} reaches every student.",
                    $"The practice is sustained, refined with data, and shared with other schools.",
                ],
            })],
        };
        db.Leagues.Add(league);
        db.ImprovementFrameworks.Add(framework);

        // Outside the member districts: a charter school, its own LEA, and a regional career-technical center.
        var charter = new District { Code = "5099901", Name = "Northeast Kingdom Charter School", State = "VT", Locale = Locale.Rural, Enrollment = 180 };
        var center = new District { Code = "3399902", Name = "Upper Connecticut Valley Career and Technical Center", State = "NH", Locale = Locale.Town, Enrollment = 320 };
        db.Districts.AddRange(charter, center);
        var outside = new[]
        {
            new School { District = charter, Code = "509990100001", Name = "Northeast Kingdom Charter School", Enrollment = 180 },
            new School { District = center, Code = "339990200001", Name = "Upper Connecticut Valley Career and Technical Center", Enrollment = 320 },
        };
        db.Schools.AddRange(outside);

        var secondary = db.Schools.Local.Where(s => s.Name.Contains("High")).OrderBy(s => s.Code)
            .Concat(db.Schools.Local.Where(s => s.Name.Contains("Middle")).OrderBy(s => s.Code).Take(6)).Concat(outside).ToList();
        foreach (var school in db.Schools.Local) school.LeagueMember = false;
        var signers = new[] { "Principal", "Superintendent", "Leadership team chair", "Board chair" };
        var members = new List<Leagues.LeagueMembership>();
        foreach (var (school, i) in secondary.Select((s, i) => (s, i)))
        {
            // The first sixteen joined in 2023, the rest a year later; the career-technical center's letter awaits its board chair.
            var requested = i < 16 ? new DateOnly(2023, 5, 1).AddDays(i * 3) : new DateOnly(2024, 5, 1).AddDays(i);
            var pending = school == outside[1];
            var membership = new Leagues.LeagueMembership { League = league, School = school, District = school.District, RequestedOn = requested };
            foreach (var (signatory, k) in Enum.GetValues<Leagues.Signatory>().Select((x, k) => (x, k)))
            {
                if (pending && signatory == Leagues.Signatory.BoardChair) continue;
                membership.Signatures.Add(new Leagues.LetterSignature
                {
                    Signatory = signatory, SignedBy = $"{signers[k]} of {school.Name}", SignedAt = requested.AddDays(7 + k * 5).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc),
                });
            }
            db.LeagueMemberships.Add(membership);
            members.Add(membership);
            if (pending) continue;
            membership.JoinedOn = requested.AddDays(22);
            school.LeagueMember = true;

            // Each school climbs at its own rate (a level a year, half a level, or holding) from its own baseline.
            var rate = (i % 3) switch { 0 => 1.0, 1 => 0.5, _ => 0.0 };
            var years = i < 16 ? 3 : 2;
            for (var y = 0; y < years; y++)
            {
                var assessed = new DateOnly(2023 + (3 - years) + y, 10, 15).AddDays(i);
                var assessment = new Leagues.SelfAssessment
                {
                    Membership = membership, Framework = framework, AssessedOn = assessed, RecordedAt = assessed.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
                    Notes = y == 0 ? "Our baseline, rated by the school leadership team." : "Rated by the leadership team after a year of work on our action plan.",
                };
                foreach (var (dimension, k) in framework.Dimensions.Select((x, k) => (x, k)))
                    assessment.Ratings.Add(new Leagues.DimensionRating
                    {
                        Dimension = dimension, Rating = Math.Min(4, 1 + (i + k) % 2 + (int)Math.Floor(rate * y + 0.25 * ((i * k) % 2))),
                        Evidence = k == 0 ? "Classroom walkthroughs and student surveys." : null,
                    });
                db.SelfAssessments.Add(assessment);
            }
        }
        AddLeagueNetwork(db, league, members);
        AddCommonMetrics(db, consortium, members);
    }

    /// <summary>
    /// The League's common metrics across states, school by school: five-year graduation, dropout, postsecondary enrollment
    /// and persistence for the active members that graduate students (the high schools and the charter school; not the middle
    /// schools, nor the career-technical center, whose students graduate from their sending schools), three school years each.
    /// The charter's cohort is nine students: its values are suppressed in every roll-up that shows it alone.
    /// </summary>
    private static void AddCommonMetrics(ConsortiumDb db, Consortium consortium, List<Leagues.LeagueMembership> members)
    {
        Indicator Metric(string code, string name) => new() { Consortium = consortium, Code = code, Name = name, Unit = "percent", Aggregation = Aggregation.EnrollmentWeightedMean, Level = IndicatorLevel.School };
        var graduation = Metric("GRADUATION_RATE_5YR", "Five-year graduation rate");
        var dropout = Metric("DROPOUT_RATE", "Annual dropout rate");
        var enrollment = Metric("POSTSECONDARY_ENROLLMENT", "Graduates enrolled in postsecondary education the fall after");
        var persistence = Metric("POSTSECONDARY_PERSISTENCE", "Postsecondary enrollees persisting into a second year");
        db.Indicators.AddRange(graduation, dropout, enrollment, persistence);
        string[] periods = ["2022-23", "2023-24", "2024-25"];
        foreach (var (membership, i) in members.Select((m, i) => (m, i)))
        {
            var school = membership.School;
            var charter = school.Code == "509990100001";
            if (membership.JoinedOn is null || (!school.Name.Contains("High") && !charter)) continue;
            var cohort = charter ? 9 : Math.Max(12, school.Enrollment / 4);
            // The same rates of change as the self-assessments: a school that climbs a level a year gains most.
            var gain = (i % 3) switch { 0 => 1.6, 1 => 0.8, _ => 0.1 };
            foreach (var (period, p) in periods.Select((x, k) => (x, k)))
            {
                var reported = new DateTime(2023 + p, 10, 20, 14, 0, 0, DateTimeKind.Utc);
                var enrolled = 52.0 + (i * 5) % 17 + gain * p;
                void Value(Indicator indicator, double value, int students) => db.IndicatorValues.Add(new IndicatorValue
                {
                    Indicator = indicator, District = school.District, School = school, Period = period, Value = Math.Round(value, 1), StudentCount = students, ReportedAt = reported,
                });
                Value(graduation, 84.0 + (i * 7) % 9 + gain * p, cohort);
                Value(dropout, Math.Max(0.4, 3.8 - (i * 3) % 5 * 0.4 - gain * p * 0.3), school.Enrollment);
                Value(enrollment, enrolled, (int)Math.Round(cohort * 0.9));
                Value(persistence, 68.0 + (i * 11) % 13 + gain * p, (int)Math.Round(cohort * 0.9 * enrolled / 100));
            }
        }
    }

    /// <summary>
    /// The League's people and their work together: a principal and a teacher per school, the consortium's coordinator and
    /// two state agency staff; a dozen peer visits across districts and states (ten held, with feedback; two to come);
    /// fifteen shared practices.
    /// </summary>
    private static void AddLeagueNetwork(ConsortiumDb db, Leagues.League league, List<Leagues.LeagueMembership> members)
    {
        string[] first = ["Ana", "Ben", "Carmen", "Dev", "Elena", "Felix", "Grace", "Hiro", "Imani", "Jonah", "Kira", "Luis", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tess"];
        string[] last = ["Abbott", "Bergeron", "Chen", "Dubois", "Ellis", "Fortin", "Garcia", "Hale", "Ito", "Jensen", "Kowalski", "Lambert", "Moreau", "Nguyen", "Okafor", "Pelletier", "Quinlan", "Roy", "Santos", "Tremblay"];
        string Email(string name) => $"{name.ToLowerInvariant().Replace(' ', '.')}@league.example.org";
        var principals = new List<Leagues.Educator>();
        var teachers = new List<Leagues.Educator>();
        foreach (var (membership, i) in members.Select((m, i) => (m, i)))
        {
            var principal = $"{first[i]} {last[(i + 7) % last.Length]}";
            var teacher = $"{first[(i + 11) % first.Length]} {last[(i + 3) % last.Length]}";
            principals.Add(new Leagues.Educator { League = league, Name = principal, Role = Leagues.EducatorRole.Principal, School = membership.School, District = membership.School.District, Email = Email(principal), AddedAt = At(membership.RequestedOn) });
            teachers.Add(new Leagues.Educator { League = league, Name = teacher, Role = Leagues.EducatorRole.Teacher, School = membership.School, District = membership.School.District, Email = Email(teacher), AddedAt = At(membership.RequestedOn) });
        }
        db.Educators.AddRange(principals);
        db.Educators.AddRange(teachers);
        var coordinator = new Leagues.Educator { League = league, Name = "Wren Castellano", Role = Leagues.EducatorRole.Coordinator, Email = Email("Wren Castellano"), AddedAt = At(new DateOnly(2022, 6, 1)) };
        db.Educators.AddRange(coordinator,
            new Leagues.Educator { League = league, Name = "Yusuf Marchetti", Role = Leagues.EducatorRole.StateAgencyStaff, State = "VT", Email = Email("Yusuf Marchetti"), AddedAt = At(new DateOnly(2023, 1, 9)) },
            new Leagues.Educator { League = league, Name = "Zoe Whitcomb", Role = Leagues.EducatorRole.StateAgencyStaff, State = "NH", Email = Email("Zoe Whitcomb"), AddedAt = At(new DateOnly(2023, 1, 9)) });

        // Twelve visits: each host receives a teacher and the principal of schools of other districts where it can.
        var active = members.Where(m => m.JoinedOn is not null).ToList();
        string[] focus =
        [
            "How do students know where they stand on each proficiency?", "What makes advisory time matter to students?",
            "How do our internships connect back to coursework?", "Where do students shape what is taught?",
            "How do families take part in student-led conferences?", "How do teacher teams share decisions about schedules?",
        ];
        string[] focusDimensions = ["proficiency-based-learning", "personalized-learning", "multiple-pathways", "student-voice", "family-community", "shared-leadership"];
        for (var v = 0; v < 12; v++)
        {
            var host = active[(v * 5) % active.Count];
            var visiting = active.Where(m => m.School.District != host.School.District).Skip((v * 3) % 8).Take(2).ToList();
            var visitOn = v < 10 ? new DateOnly(2024, 2, 6).AddDays(v * 61) : new DateOnly(2027, 3, 9).AddDays((v - 10) * 14);
            var team = new List<Leagues.Educator> { teachers[members.IndexOf(visiting[0])], principals[members.IndexOf(visiting[1])] };
            if (v % 3 == 0) team.Add(coordinator);
            var visit = new Leagues.PeerVisit
            {
                League = league, HostMembership = host, VisitOn = visitOn, FocusQuestion = focus[v % focus.Length], ScheduledAt = At(visitOn.AddDays(-30)),
                Visitors = [.. team.Select(e => new Leagues.PeerVisitor { Educator = e, School = e.School })],
            };
            db.PeerVisits.Add(visit);
            if (v >= 10) continue;
            // The host follows up what it heard: a commitment on the dimension the focus question was about, most of them under way or done.
            var followUp = new Leagues.ImprovementCommitment
            {
                League = league, Membership = host, Visit = visit, Title = $"Act on our visitors' feedback: {focus[v % focus.Length].TrimEnd('?').ToLowerInvariant()}",
                Dimensions = [focusDimensions[v % focus.Length]], DueOn = visitOn.AddDays(180), CreatedAt = At(visitOn.AddDays(7)),
                Status = (v % 3) switch { 0 => Commitments.CommitmentStatus.Done, 1 => Commitments.CommitmentStatus.OnTrack, _ => Commitments.CommitmentStatus.Planned },
            };
            if (followUp.Status != Commitments.CommitmentStatus.Planned)
                followUp.Progress.Add(new Leagues.ImprovementProgress { ReportedAt = At(visitOn.AddDays(60)), Status = Commitments.CommitmentStatus.OnTrack, PercentComplete = 40, Note = "Piloted with the ninth-grade team." });
            if (followUp.Status == Commitments.CommitmentStatus.Done)
                followUp.Progress.Add(new Leagues.ImprovementProgress { ReportedAt = At(visitOn.AddDays(170)), Status = Commitments.CommitmentStatus.Done, PercentComplete = 100, Note = "School-wide from the spring term." });
            db.ImprovementCommitments.Add(followUp);
            foreach (var (educator, k) in team.Take(2).Select((e, k) => (e, k)))
                visit.Feedback.Add(new Leagues.VisitFeedback
                {
                    Educator = educator, GivenAt = At(visitOn.AddDays(2 + k)),
                    Strengths = k == 0 ? "Students could say what they were working on and why; the learning targets were posted and used." : "The leadership team's data routines were clear and shared with teachers.",
                    Questions = k == 0 ? "How do you keep the targets consistent from one course to the next?" : "Who decides which students get the extended time?",
                    Suggestions = k == 0 ? "Try a common rubric across the ninth-grade team, and ask students to score their own work against it." : "Bring students into the schedule conversation next year.",
                });
        }

        (string Title, string Summary, string Worked, string DidNot, string[] Dimensions, string[] Grades)[] practices =
        [
            ("Student-led conferences", "Students lead their own conferences with families, presenting evidence of proficiency.", "Attendance at conferences doubled; families asked better questions.", "The first year we left out scheduling for working parents.", ["student-voice", "family-community"], ["9", "10", "11", "12"]),
            ("Proficiency-based grading rubrics", "Common rubrics for each graduation proficiency, used by every department.", "Grades now mean the same thing across courses.", "Rolling out to all departments at once overwhelmed teachers.", ["proficiency-based-learning"], ["9", "10", "11", "12"]),
            ("Flexible learning time", "A daily block where students choose where to get help or go deeper.", "Students behind on a proficiency catch up without losing a course.", "Tracking who went where took too long on paper.", ["personalized-learning"], ["9", "10"]),
            ("Extended learning opportunities", "Credit-bearing internships with local employers, assessed against the proficiencies.", "Students see why coursework matters.", "Transportation was a barrier in the winter.", ["multiple-pathways", "family-community"], ["11", "12"]),
            ("Teacher leadership teams", "Rotating teacher teams who set the professional learning calendar.", "Professional development now answers teachers' questions.", "Meetings crowded out planning time at first.", ["shared-leadership"], []),
            ("Personal learning plans", "Every student keeps a plan of goals and evidence, reviewed each quarter with an advisor.", "Advisors know every student well.", "Plans became paperwork where advisors had too many students.", ["personalized-learning", "student-voice"], ["7", "8", "9", "10", "11", "12"]),
            ("Dual enrollment with the community college", "Students take college courses on campus, taught by certified teachers.", "Students earn up to twelve credits before graduating.", "Fees kept some families away until the grant covered them.", ["multiple-pathways"], ["11", "12"]),
            ("Student voice in hiring", "Students sit on interview panels for new teachers.", "Candidates say it told them what the school values.", "Students needed training on what they may and may not ask.", ["student-voice", "shared-leadership"], ["10", "11", "12"]),
            ("Community advisory board", "Local employers, families and students advise the school on its pathways.", "New internship placements every year.", "Meetings at school hours kept working parents away.", ["family-community"], []),
            ("Capstone exhibitions", "Seniors present a year-long project to a panel of community members.", "Students rise to a public audience.", "Panels needed a shared rubric to score consistently.", ["proficiency-based-learning", "family-community"], ["12"]),
            ("Middle school advisory", "Small advisory groups that stay together for three years.", "Fewer students feel no adult knows them.", "Advisory time shrank whenever the schedule was tight.", ["personalized-learning"], ["6", "7", "8"]),
            ("Career and technical credit crosswalk", "Career-technical coursework counts toward academic proficiencies.", "Students in the center no longer choose between a trade and graduation.", "Sending schools each needed their own agreement.", ["multiple-pathways", "proficiency-based-learning"], ["10", "11", "12"]),
            ("Shared decision-making compact", "A written compact of who decides what among administrators, teachers and students.", "Fewer surprises when decisions land.", "We wrote it without students the first time.", ["shared-leadership"], []),
            ("Family learning nights", "Evenings where families try the same tasks their students do.", "Families understand proficiency-based grading.", "Dinner and childcare made the difference in turnout.", ["family-community"], ["6", "7", "8", "9"]),
            ("Student-designed courses", "Students propose and co-teach an elective with a faculty sponsor.", "Electives students actually want, and a waiting list.", "Some proposals needed more scaffolding than the sponsor could give.", ["student-voice", "personalized-learning"], ["11", "12"]),
        ];
        foreach (var (practice, i) in practices.Select((p, i) => (p, i)))
        {
            var sharer = active[(i * 7 + 3) % active.Count];
            db.SharedPractices.Add(new Leagues.SharedPractice
            {
                League = league, Membership = sharer, Title = practice.Title, Summary = practice.Summary, WhatWorked = practice.Worked, WhatDidNot = practice.DidNot,
                Dimensions = [.. practice.Dimensions], GradeLevels = [.. practice.Grades],
                Links = [$"https://league.example.org/practices/{practice.Title.ToLowerInvariant().Replace(' ', '-')}"],
                SharedAt = At(new DateOnly(2024, 1, 15).AddDays(i * 45)),
            });
        }
        // Four convenings: three held, with each team's attendance, and the spring's regional one to come.
        (string Title, Leagues.ConveningScope Scope, string? State, DateOnly On, string? Place, string[] Dimensions)[] convenings =
        [
            ("Proficiency-based learning: grading that means something", Leagues.ConveningScope.Regional, null, new DateOnly(2024, 11, 8), "Concord, NH", ["proficiency-based-learning"]),
            ("Vermont schools: flexible pathways to graduation", Leagues.ConveningScope.State, "VT", new DateOnly(2025, 3, 14), "Montpelier, VT", ["multiple-pathways", "personalized-learning"]),
            ("Student voice summit", Leagues.ConveningScope.Regional, null, new DateOnly(2025, 11, 7), "Portland, ME", ["student-voice", "shared-leadership"]),
            ("Families as partners in learning", Leagues.ConveningScope.Regional, null, new DateOnly(2027, 4, 9), null, ["family-community"]),
        ];
        foreach (var (c, k) in convenings.Select((c, k) => (c, k)))
        {
            var convening = new Leagues.Convening
            {
                League = league, Title = c.Title, Scope = c.Scope, State = c.State, HeldOn = c.On, Place = c.Place, Online = c.Place is null || k == 2,
                Dimensions = [.. c.Dimensions], Capacity = 120, PlannedAt = At(c.On.AddDays(-75)),
            };
            var teams = active.Where(m => c.State is null || m.School.District.State == c.State).Where((_, i) => (i + k) % 3 != 0).ToList();
            foreach (var (team, i) in teams.Select((t, i) => (t, i)))
                convening.Registrations.Add(new Leagues.ConveningRegistration
                {
                    Membership = team, TeamSize = 2 + (i + k) % 3, RegisteredAt = At(c.On.AddDays(-30 + i)),
                    Attended = c.On < new DateOnly(2026, 1, 1) ? 2 + (i + k) % 3 - (i % 4 == 0 ? 1 : 0) : null,
                });
            db.Convenings.Add(convening);
        }
        // Two principals' learning groups, meeting each term since the League began.
        foreach (var (name, groupFocus, dimensions, k) in new[]
        {
            ("Principals' circle: proficiency-based grading", "Principals leading the change to grading on demonstrated proficiency compare policies, reports and pushback.", new[] { "proficiency-based-learning" }, 0),
            ("Principals' circle: sharing leadership", "Principals building leadership teams of teachers and students, and handing real decisions to them.", new[] { "shared-leadership", "student-voice" }, 1),
        })
        {
            var cohort = principals.Where((_, i) => i % 2 == k && members[i].JoinedOn is not null).ToList();
            var group = new Leagues.LearningGroup
            {
                League = league, Name = name, Focus = groupFocus, Dimensions = [.. dimensions], FormedAt = At(new DateOnly(2023, 9, 5)),
                Members = [.. cohort.Select(p => new Leagues.LearningGroupMember { Educator = p, JoinedOn = new DateOnly(2023, 9, 5) })],
            };
            for (var t = 0; t < 6; t++)
            {
                var metOn = new DateOnly(2023, 10, 12).AddDays(t * 120 + k * 7);
                group.Meetings.Add(new Leagues.LearningGroupMeeting
                {
                    MetOn = metOn, Topic = $"{name.Split(": ")[1]}: term {t + 1}", Notes = "Each principal brought one artifact and one question.", RecordedAt = At(metOn),
                    Attendance = [.. cohort.Where((_, i) => (i + t) % 4 != 0).Select(p => new Leagues.LearningGroupAttendance { Educator = p })],
                });
            }
            db.LearningGroups.Add(group);
        }
        // From their action plans: eight schools commit to their lowest-rated practice for this school year.
        foreach (var (membership, i) in active.Take(8).Select((m, i) => (m, i)))
            db.ImprovementCommitments.Add(new Leagues.ImprovementCommitment
            {
                League = league, Membership = membership, Title = $"Raise {focusDimensions[(i + 2) % focusDimensions.Length].Replace('-', ' ')} a level this year",
                Description = "From our self-assessment's action plan.", Dimensions = [focusDimensions[(i + 2) % focusDimensions.Length]],
                DueOn = new DateOnly(2027, 6, 15), CreatedAt = At(new DateOnly(2026, 9, 1)), Status = i % 2 == 0 ? Commitments.CommitmentStatus.OnTrack : Commitments.CommitmentStatus.Planned,
            });
    }

    /// <summary>The state policy the League's consortium works on, in its three states.</summary>
    private static void AddPolicies(ConsortiumDb db, Consortium consortium, Partnership advocacy)
    {
        db.PolicyItems.AddRange(
            new Policy.PolicyItem
            {
                Consortium = consortium, State = "VT", Title = "Proficiency-based graduation requirements", Kind = Policy.PolicyKind.Regulation,
                Position = Policy.PolicyPosition.Support, Status = Policy.PolicyStatus.Achieved, TrackedAt = At(new DateOnly(2023, 2, 1)),
                Summary = "The State Board's education quality standards: students graduate on demonstrated proficiency, not seat time.",
                Evidence = "League schools that rated themselves on proficiency-based learning climbed a level in two years on average, with no drop in five-year graduation.",
            },
            new Policy.PolicyItem
            {
                Consortium = consortium, State = "NH", Title = "Credit for extended learning opportunities", Kind = Policy.PolicyKind.Statute,
                Position = Policy.PolicyPosition.SeekChange, Status = Policy.PolicyStatus.Advocating, TrackedAt = At(new DateOnly(2024, 9, 16)),
                Summary = "Internships and community learning count for credit, but transportation and supervision costs fall on each district alone.",
                Evidence = "Members' extended-learning placements and the students who could not take them for want of transport.",
                Partnerships = [new Policy.PolicyPartnership { Partnership = advocacy }],
            },
            new Policy.PolicyItem
            {
                Consortium = consortium, State = "ME", Title = "Broadband for rural students' learning at home", Kind = Policy.PolicyKind.Guidance,
                Position = Policy.PolicyPosition.Support, Status = Policy.PolicyStatus.Watching, TrackedAt = At(new DateOnly(2025, 1, 13)),
                Summary = "The state's guidance on using connectivity funds for students' homes.",
                Partnerships = [new Policy.PolicyPartnership { Partnership = advocacy }],
            });
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);

    /// <summary>
    /// Adds districts the demo lacks (a plugin author's own, named by <see cref="DatabaseOptions.DemoStandIns"/>) as members
    /// of the first demo consortium and of its bus purchasing partnership, each with a high school: a plugin for them loads,
    /// and its rules have a partnership to act in.
    /// </summary>
    public static async Task AddStandInsAsync(ConsortiumDb db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        var known = await db.Districts.Where(d => codes.Contains(d.Code)).Select(d => d.Code).ToListAsync(cancellationToken);
        var missing = codes.Except(known).Distinct().ToList();
        if (missing.Count == 0) return;
        var consortium = await db.Consortia.OrderBy(c => c.Id).FirstAsync(cancellationToken);
        var buses = await db.Partnerships.Where(p => p.ConsortiumId == consortium.Id && p.Kind == PartnershipKind.JointPurchasing)
            .OrderBy(p => p.Id).FirstAsync(cancellationToken);
        foreach (var code in missing)
        {
            var district = new District
            {
                Code = code, Name = $"Stand-in District {code}", State = "VT", Locale = Locale.Rural, Enrollment = 900, StaffCapacityFte = 3,
            };
            district.Schools.Add(new School { Code = $"{code}00001", Name = $"Stand-in High School {code}", Enrollment = 300 });
            db.Districts.Add(district);
            db.Add(new ConsortiumMembership { ConsortiumId = consortium.Id, District = district, JoinedOn = new DateOnly(2021, 7, 1) });
            db.Add(new PartnershipMember { PartnershipId = buses.Id, District = district, JoinedOn = new DateOnly(2025, 6, 15) });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Partnership Partnership(Consortium consortium, string name, PartnershipKind kind, PartnershipStatus status, string goal,
        DateOnly? starts, DateOnly? ends, (District District, MemberRole Role)[] members, (string Area, DecisionRule Rule)[] rights) => new()
    {
        Consortium = consortium, Name = name, Kind = kind, Status = status, SharedGoal = goal, StartsOn = starts, EndsOn = ends,
        Members = members.Select((m, i) => new PartnershipMember
        {
            District = m.District, IsLead = m.Role == MemberRole.Lead, IsFiscalAgent = m.Role == MemberRole.FiscalAgent,
            JoinedOn = (starts ?? new DateOnly(2024, 1, 1)).AddDays(-60 + i * 3),
        }).ToList(),
        DecisionRights = rights.Select(r => new DecisionRight { Area = r.Area, Rule = r.Rule }).ToList(),
    };

    private static void AddSchools(ConsortiumDb db, List<District> districts, Random random)
    {
        var schoolNumber = 0;
        foreach (var (district, seed) in districts.Zip(Districts))
        {
            var levels = seed.Enrollment switch
            {
                < 700 => new[] { "Elementary School", "Junior-Senior High School" },
                < 1500 => ["Elementary School", "Middle School", "High School"],
                < 3000 => ["Elementary School", "Elementary School", "Middle School", "High School"],
                _ => ["Elementary School", "Elementary School", "Elementary School", "Middle School", "High School"],
            };
            var remaining = seed.Enrollment;
            for (var i = 0; i < levels.Length; i++)
            {
                var town = seed.Towns[i % seed.Towns.Length];
                var enrollment = i == levels.Length - 1 ? remaining : (int)(seed.Enrollment / (double)levels.Length * (0.8 + random.NextDouble() * 0.4));
                remaining -= enrollment;
                schoolNumber++;
                db.Schools.Add(new School
                {
                    District = district,
                    Code = $"{seed.Code}{schoolNumber:D5}",
                    Name = $"{town} {levels[i]}",
                    Enrollment = enrollment,
                    LeagueMember = levels[i].Contains("High") && random.NextDouble() < 0.7,
                });
            }
        }
    }

    /// <summary>School years 2025-26 and 2026-27; each state has its own breaks, each district its early-release day and storm days.</summary>
    private static void AddCalendars(ConsortiumDb db, List<District> districts, Random random)
    {
        foreach (var (district, seed) in districts.Zip(Districts))
        {
            foreach (var year in new[] { 2025, 2026 })
            {
                var first = seed.State switch { "VT" => new DateOnly(year, 8, 27), "NH" => new DateOnly(year, 8, 28), _ => new DateOnly(year, 9, 2) };
                var last = new DateOnly(year + 1, 6, 12);
                var februaryBreak = seed.State == "ME" ? FirstWeekday(year + 1, 2, DayOfWeek.Monday).AddDays(7) : FirstWeekday(year + 1, 2, DayOfWeek.Monday).AddDays(14);
                var stormDays = Enumerable.Range(0, 3).Select(_ => new DateOnly(year + 1, 1, 5).AddDays(random.Next(0, 60))).ToHashSet();
                for (var day = new DateOnly(year, 7, 1); day <= new DateOnly(year + 1, 6, 30); day = day.AddDays(1))
                {
                    var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                    string? note = null;
                    if (day < first || day > last) note = weekend ? null : "Summer";
                    else if (day == FirstWeekday(year, 9, DayOfWeek.Monday)) note = "Labor Day";
                    else if (day >= FirstWeekday(year, 11, DayOfWeek.Thursday).AddDays(20) && day <= FirstWeekday(year, 11, DayOfWeek.Thursday).AddDays(22)) note = "Thanksgiving break";
                    else if (day >= new DateOnly(year, 12, 23) && day <= new DateOnly(year + 1, 1, 1)) note = "Winter break";
                    else if (day == FirstWeekday(year + 1, 1, DayOfWeek.Monday).AddDays(14)) note = "Martin Luther King Jr. Day";
                    else if (day >= februaryBreak && day <= februaryBreak.AddDays(4)) note = "February break";
                    else if (day >= FirstWeekday(year + 1, 4, DayOfWeek.Monday).AddDays(14) && day <= FirstWeekday(year + 1, 4, DayOfWeek.Monday).AddDays(18)) note = "April break";
                    else if (!weekend && stormDays.Contains(day)) note = "Storm closure";
                    var inSession = !weekend && note is null;
                    var earlyRelease = inSession && seed.EarlyRelease == day.DayOfWeek && day.Day <= 7;
                    db.CalendarDays.Add(new CalendarDay
                    {
                        District = district, Date = day, InSession = inSession, EarlyRelease = earlyRelease,
                        Note = earlyRelease ? "Early release: professional learning" : note,
                    });
                }
            }
        }
    }

    private static DateOnly FirstWeekday(int year, int month, DayOfWeek weekday)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != weekday) day = day.AddDays(1);
        return day;
    }

    private static void AddAgreements(List<Partnership> partnerships, DateTime now)
    {
        foreach (var p in partnerships)
        {
            var signedOn = (p.StartsOn ?? DateOnly.FromDateTime(now)).AddDays(-30);
            var v1 = new Agreement
            {
                Version = 1,
                Title = $"Memorandum of Understanding: {p.Name}",
                Terms = $"The members of {p.Name} agree to: {p.SharedGoal} Each member performs the activities it lists as commitments, "
                    + "contributes the resources stated there, and reports progress each quarter. Decisions follow the decision rights below.",
            };
            p.Agreements.Add(v1);
            var signers = p.Status switch
            {
                PartnershipStatus.Proposed when p.Name.StartsWith("Special") => p.Members.Take(2).ToList(),
                PartnershipStatus.Proposed => [],
                _ => p.Members,
            };
            foreach (var (member, i) in signers.Select((m, i) => (m, i)))
                v1.Signatures.Add(new Signature
                {
                    District = member.District, SignedBy = $"Superintendent of {member.District.Name}",
                    SignedAt = signedOn.AddDays(i * 2).ToDateTime(new TimeOnly(15, 30), DateTimeKind.Utc),
                });
            if (signers.Count == p.Members.Count && signers.Count > 0)
            {
                v1.EffectiveOn = signedOn.AddDays((signers.Count - 1) * 2);
                v1.Status = AgreementStatus.InForce;
                // An MOU's term is usually the partnership's.
                v1.ExpiresOn = p.EndsOn;
            }

            if (p.Name == "Shared Speech-Language Pathologist")
            {
                // A second version after the first year, signed again by every member.
                var v2 = new Agreement
                {
                    Version = 2,
                    Title = $"Memorandum of Understanding: {p.Name} (revised)",
                    Terms = v1.Terms + " Revised: the pathologist's time is split by caseload each semester, not evenly.",
                    EffectiveOn = new DateOnly(2026, 7, 1),
                    ExpiresOn = p.EndsOn,
                    Status = AgreementStatus.InForce,
                    ChangeSummary = "The pathologist's time is split by caseload each semester, not evenly.",
                };
                v1.Status = AgreementStatus.Superseded;
                foreach (var (member, i) in p.Members.Select((m, i) => (m, i)))
                    v2.Signatures.Add(new Signature
                    {
                        District = member.District, SignedBy = $"Superintendent of {member.District.Name}",
                        SignedAt = new DateTime(2026, 6, 10 + i, 14, 0, 0, DateTimeKind.Utc),
                    });
                p.Agreements.Add(v2);
            }
        }
    }

    private static readonly Dictionary<PartnershipKind, string[]> CommitmentTitles = new()
    {
        [PartnershipKind.JointPurchasing] = ["Commit bus purchases for the next two years", "Share fuel usage data for the bid", "Pay share of the bid consultant", "Adopt the joint vendor contract"],
        [PartnershipKind.SharedStaff] = ["Fund share of the position", "Provide office space two days a week", "Coordinate caseload schedule", "Cover mileage between schools"],
        [PartnershipKind.SharedCourse] = ["Reserve seats for students", "Equip a video classroom", "Provide a proctor for labs", "Align bell schedule for the course period"],
        [PartnershipKind.ProfessionalLearning] = ["Host a classroom visit", "Send two teachers to each network day", "Share common assessment results", "Lead a problem-of-practice session"],
        [PartnershipKind.Advocacy] = ["Testify at the legislative hearing", "Collect family broadband survey", "Meet with state delegation"],
        [PartnershipKind.GrantProject] = ["Pilot proficiency rubrics in grade 9", "Release coaches for training days", "Report grant outcomes each quarter", "Match grant funds with local budget"],
        [PartnershipKind.SharedService] = ["Migrate student records", "Train registrars on the shared system", "Pay share of licensing"],
    };

    private static void AddCommitments(List<Partnership> partnerships, Random random, DateTime now)
    {
        foreach (var p in partnerships)
        {
            var titles = CommitmentTitles[p.Kind];
            foreach (var (member, i) in p.Members.Select((m, i) => (m, i)))
            {
                var count = p.Members.Count <= 3 ? 3 : 2;
                for (var k = 0; k < count; k++)
                {
                    var start = p.StartsOn ?? new DateOnly(2024, 9, 1);
                    var due = start.AddDays(60 + (i * 37 + k * 91) % 600);
                    var status = p.Status switch
                    {
                        PartnershipStatus.Completed => CommitmentStatus.Done,
                        PartnershipStatus.Dissolved => k == 0 ? CommitmentStatus.Done : CommitmentStatus.Dropped,
                        PartnershipStatus.Proposed => CommitmentStatus.Planned,
                        _ => ((i + k) % 5) switch { 0 => CommitmentStatus.Done, 1 => CommitmentStatus.AtRisk, 2 => CommitmentStatus.Planned, _ => CommitmentStatus.OnTrack },
                    };
                    var commitment = new Commitment
                    {
                        District = member.District,
                        Title = titles[(i + k) % titles.Length],
                        Description = $"{member.District.Name}'s part in {p.Name}.",
                        DueOn = k == count - 1 && p.Status == PartnershipStatus.Active && i % 3 == 0 ? null : due,
                        Status = status,
                        Dollars = p.Kind is PartnershipKind.JointPurchasing or PartnershipKind.GrantProject or PartnershipKind.SharedService
                            ? Math.Round((decimal)(5_000 + random.Next(0, 90) * 1_000), 2) : null,
                        StaffFte = p.Kind == PartnershipKind.SharedStaff ? Math.Round(0.1 + random.Next(0, 4) * 0.1, 1) : null,
                        StudentSeats = p.Kind == PartnershipKind.SharedCourse ? 2 + random.Next(0, 7) : null,
                    };
                    var updates = status == CommitmentStatus.Planned ? 0 : 1 + random.Next(0, 4);
                    var reported = start.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
                    for (var u = 0; u < updates; u++)
                    {
                        reported = reported.AddDays(20 + random.Next(0, 40));
                        if (reported > now) reported = now.AddDays(-updates + u);
                        var last = u == updates - 1;
                        commitment.Progress.Add(new ProgressUpdate
                        {
                            ReportedAt = reported,
                            Status = last ? status : CommitmentStatus.OnTrack,
                            PercentComplete = last && status == CommitmentStatus.Done ? 100 : Math.Min(95, 15 + u * 25 + random.Next(0, 10)),
                            Note = last && status == CommitmentStatus.AtRisk ? "Budget vote delayed; funding not yet confirmed." : $"Update {u + 1}: on schedule.",
                        });
                    }
                    p.Commitments.Add(commitment);
                }
            }
        }
    }

    private static void AddDecisions(List<Partnership> partnerships, Random random, DateTime now)
    {
        var questions = new Dictionary<string, string>
        {
            ["budget"] = "Approve next year's budget", ["vendor-selection"] = "Select the vendor", ["staffing"] = "Approve the staffing plan",
            ["schedule"] = "Set the semester schedule", ["curriculum"] = "Adopt the course syllabus", ["agenda"] = "Set the network's focus for the year",
            ["data-sharing"] = "Approve the data-sharing agreement", ["positions"] = "Adopt the legislative position",
        };
        foreach (var (p, index) in partnerships.Select((p, i) => (p, i)))
        {
            foreach (var (right, k) in p.DecisionRights.Select((r, k) => (r, k)))
            {
                var open = p.Status is PartnershipStatus.Active or PartnershipStatus.Proposed && (index + k) % 2 == 0;
                var proposed = open ? now.AddDays(-5 - k) : now.AddDays(-200 - index * 10 - k);
                var decision = new Decision
                {
                    Area = right.Area, Title = questions[right.Area], Rule = right.Rule, Status = DecisionStatus.Open,
                    ProposedAt = proposed, Deadline = open ? now.AddDays(14 + k) : proposed.AddDays(21),
                };
                // Members vote in turn until the outcome is certain; an open decision keeps its outcome open.
                foreach (var (member, v) in p.Members.Select((m, v) => (m, v)))
                {
                    if (open && right.Rule is DecisionRule.LeadDistrict or DecisionRule.FiscalAgent && (member.IsLead || member.IsFiscalAgent)) continue;
                    var choice = (index + k + v) % 7 == 3 ? VoteChoice.No : (index + v) % 9 == 4 ? VoteChoice.Abstain : VoteChoice.Yes;
                    var vote = new Vote
                    {
                        District = member.District, Choice = choice, CastAt = proposed.AddHours(6 + v * 20),
                        Comment = choice == VoteChoice.No ? "Our board has not approved the cost yet." : null,
                    };
                    decision.Votes.Add(vote);
                    if (Close(right.Rule, p, decision) == DecisionStatus.Open) continue;
                    if (open) decision.Votes.Remove(vote);
                    break;
                }
                decision.Status = open ? DecisionStatus.Open : Close(right.Rule, p, decision);
                if (decision.Status == DecisionStatus.Open && !open)
                    (decision.Status, decision.ClosedAt) = (DecisionStatus.Expired, decision.Deadline);
                else if (decision.Status != DecisionStatus.Open)
                    decision.ClosedAt = decision.Votes.Max(x => x.CastAt);
                p.Decisions.Add(decision);
            }
        }
    }

    /// <summary>The outcome of a closed demo decision, computed by the same rule code the API uses.</summary>
    private static DecisionStatus Close(DecisionRule rule, Partnership p, Decision decision)
    {
        // Entities are not saved yet, so members and votes are matched by district object, not id.
        var ids = p.Members.Select((m, i) => (m.District, Id: i + 1)).ToDictionary(x => x.District, x => x.Id);
        var members = p.Members.Select(m => new PartnershipMember { DistrictId = ids[m.District], IsLead = m.IsLead, IsFiscalAgent = m.IsFiscalAgent }).ToList();
        var votes = decision.Votes.Select(v => new Vote { DistrictId = ids[v.District], Choice = v.Choice }).ToList();
        return DecisionOutcome.Of(rule, members, votes);
    }

    /// <summary>
    /// What districts share with funders: attendance and shared-course enrollment everywhere, graduation
    /// except at Lakeport and Casco Shore, transportation cost only among the bus consortium's members,
    /// chronic absenteeism nowhere. So funder reports show both shared and withheld data.
    /// </summary>
    private static void AddConsents(ConsortiumDb db, Indicator[] indicators, List<District> districts, Partnership buses, DateTime now)
    {
        foreach (var indicator in indicators)
            foreach (var district in districts)
            {
                var shared = indicator.Code switch
                {
                    "ATTENDANCE_RATE" or "SHARED_COURSE_ENROLLMENT" or "LITERACY_PROFICIENCY" => true,
                    "GRADUATION_RATE" => district != districts[3] && district != districts[11],
                    "TRANSPORT_COST_PER_PUPIL" => buses.Members.Any(m => m.District == district),
                    _ => false,
                };
                db.DataSharingConsents.Add(new DataSharingConsent { Indicator = indicator, District = district, SharedWithFunders = shared, UpdatedAt = now });
            }
    }

    /// <summary>
    /// The books of the three grants, as a fiscal agent keeps them: the proficiency grant mid-way (a revised budget,
    /// drawdowns with one outstanding, monthly payroll, the match in kind, one report submitted late); the foundation's
    /// grant ended with its final report still due; the summer program's grant spent out and closed.
    /// </summary>
    private static void AddGrantBooks(ConsortiumDb db, Grant proficiency, Grant foundation, Grant summer, List<District> d)
    {
        District[] members = [d[3], d[4], d[1], d[9], d[11]];
        decimal[] supplies = [22_000m, 18_000m, 20_000m, 17_500m, 18_500m];
        (BudgetCategory, decimal, string)[] shared =
        [
            (BudgetCategory.Personnel, 180_000m, "Proficiency coach, 1.0 FTE for three years"),
            (BudgetCategory.Benefits, 54_000m, "The coach's benefits at 30%"),
            (BudgetCategory.ContractedServices, 75_000m, "Rubric design institutes"),
            (BudgetCategory.Travel, 24_000m, "Cross-district calibration visits"),
            (BudgetCategory.Indirect, 21_000m, "Granite Falls' approved indirect rate"),
        ];
        void Budget(Grant grant, int number, DateTime at, string reason, IEnumerable<(BudgetCategory Category, District? District, decimal Amount, string? Description)> lines)
        {
            var all = lines.ToList();
            db.GrantBudgetRevisions.Add(new GrantBudgetRevision { Grant = grant, Number = number, RecordedAt = at, Reason = reason, Total = all.Sum(l => l.Amount) });
            foreach (var (category, district, amount, description) in all)
                db.GrantBudgetLines.Add(new GrantBudgetLine { Grant = grant, Revision = number, Category = category, District = district, Amount = amount, Description = description });
            grant.BudgetVersion = number;
        }
        var memberLines = members.Select((m, i) => (BudgetCategory.Supplies, (District?)m, supplies[i], (string?)"Rubric platform licenses and materials"));
        Budget(proficiency, 1, new DateTime(2025, 7, 15, 14, 0, 0, DateTimeKind.Utc), "Initial budget as awarded",
            shared.Select(s => (s.Item1, (District?)null, s.Item2, (string?)s.Item3)).Concat(memberLines));
        Budget(proficiency, 2, new DateTime(2026, 3, 10, 15, 30, 0, DateTimeKind.Utc), "The funder approved moving 6,000.00 from travel to contracted services",
            shared.Select(s => (s.Item1, (District?)null, s.Item1 switch
            {
                BudgetCategory.Travel => s.Item2 - 6_000m, BudgetCategory.ContractedServices => s.Item2 + 6_000m, _ => s.Item2,
            }, (string?)s.Item3)).Concat(memberLines));
        proficiency.AwardNumber = "TSREF-2025-014";
        proficiency.MatchRequired = 45_000m;

        void Spend(Grant grant, DateOnly on, BudgetCategory category, decimal amount, string description, District? district = null, FundingSource source = FundingSource.Grant) =>
            db.Expenditures.Add(new Expenditure
            {
                Grant = grant, SpentOn = on, Category = category, Amount = amount, District = district, Description = description, FundedBy = source,
                RecordedAt = on.AddDays(3).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
            });
        for (var month = new DateOnly(2025, 8, 31); month <= new DateOnly(2026, 9, 30); month = new DateOnly(month.Year, month.Month, 1).AddMonths(2).AddDays(-1))
        {
            Spend(proficiency, month, BudgetCategory.Personnel, 5_000m, $"Proficiency coach salary, {month:MMMM yyyy}");
            Spend(proficiency, month, BudgetCategory.Benefits, 1_500m, $"Proficiency coach benefits, {month:MMMM yyyy}");
        }
        Spend(proficiency, new(2025, 10, 20), BudgetCategory.ContractedServices, 24_500m, "Fall rubric design institute, Great Schools Partnership");
        Spend(proficiency, new(2026, 4, 15), BudgetCategory.ContractedServices, 36_000m, "Spring rubric design institute and follow-up coaching");
        // The platform licenses each member bought through the consortium (see the purchase lines): 6.50 a student.
        int[] licenses = [1180, 640, 860, 720, 1040];
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
            Spend(proficiency, new(2025, 9, 15), BudgetCategory.Supplies, licenses[i] * 6.50m, "Proficiency rubric platform, student licenses", member);
        Spend(proficiency, new(2025, 11, 5), BudgetCategory.Travel, 3_240.18m, "Calibration visits, fall round");
        Spend(proficiency, new(2026, 5, 2), BudgetCategory.Travel, 4_118.40m, "Calibration visits, spring round");
        foreach (var quarter in new DateOnly[] { new(2025, 9, 30), new(2025, 12, 31), new(2026, 3, 31), new(2026, 6, 30) })
            Spend(proficiency, quarter, BudgetCategory.Indirect, 1_750m, $"Indirect costs, quarter ending {quarter:yyyy-MM-dd}");
        foreach (var member in members)
            Spend(proficiency, new(2026, 1, 20), BudgetCategory.Personnel, 4_200m, "Teacher release time for rubric scoring (in kind)", member, FundingSource.Match);

        void Draw(Grant grant, DateOnly requested, decimal amount, string reference, DateOnly? received) =>
            db.Drawdowns.Add(new Drawdown { Grant = grant, RequestedOn = requested, Amount = amount, Reference = reference, ReceivedOn = received, ReceivedAmount = received is null ? null : amount });
        Draw(proficiency, new(2025, 9, 30), 75_000m, "TSREF-PR-0931", new(2025, 10, 14));
        Draw(proficiency, new(2026, 1, 31), 80_000m, "TSREF-PR-1207", new(2026, 2, 12));
        Draw(proficiency, new(2026, 6, 30), 70_000m, "TSREF-PR-1588", new(2026, 7, 10));
        Draw(proficiency, new(2026, 9, 30), 60_000m, "TSREF-PR-1790", null);

        void Report(Grant grant, string title, DateOnly due, DateOnly? submitted) => db.GrantReports.Add(new GrantReport { Grant = grant, Title = title, DueOn = due, SubmittedOn = submitted });
        Report(proficiency, "Year 1 interim report", new(2026, 1, 31), new(2026, 1, 28));
        Report(proficiency, "Year 1 annual report", new(2026, 7, 31), new(2026, 8, 6));
        Report(proficiency, "Year 2 interim report", new(2027, 1, 31), null);
        Report(proficiency, "Year 2 annual report", new(2027, 7, 31), null);
        Report(proficiency, "Final report", new(2028, 9, 30), null);

        foundation.AwardNumber = "LCF-2025-33";
        Budget(foundation, 1, new DateTime(2025, 9, 10, 13, 0, 0, DateTimeKind.Utc), "Budget as awarded",
        [
            (BudgetCategory.ContractedServices, null, 45_000m, "Summer rubric calibration institute"),
            (BudgetCategory.Supplies, null, 15_000m, "Scoring materials and exemplar binders"),
            (BudgetCategory.Travel, null, 9_000m, "Teacher travel to the institute"),
            (BudgetCategory.Indirect, null, 6_000m, "Indirect costs"),
        ]);
        Spend(foundation, new(2025, 11, 18), BudgetCategory.Supplies, 14_380.55m, "Scoring materials and exemplar binders");
        Spend(foundation, new(2026, 6, 26), BudgetCategory.ContractedServices, 44_250m, "Summer rubric calibration institute, five days");
        Spend(foundation, new(2026, 6, 26), BudgetCategory.Travel, 8_912.40m, "Teacher mileage and lodging, institute week");
        Spend(foundation, new(2026, 8, 31), BudgetCategory.Indirect, 5_400m, "Indirect costs");
        Draw(foundation, new(2025, 10, 1), 37_500m, "LCF-33-1", new(2025, 10, 9));
        Draw(foundation, new(2026, 3, 1), 37_500m, "LCF-33-2", new(2026, 3, 11));
        Report(foundation, "Final report", new(2026, 10, 31), null);

        summer.AwardNumber = "TSREF-2023-006";
        Budget(summer, 1, new DateTime(2023, 6, 5, 12, 0, 0, DateTimeKind.Utc), "Budget as awarded",
        [
            (BudgetCategory.Personnel, null, 84_000m, "Summer teachers, three summers"),
            (BudgetCategory.Supplies, null, 18_000m, "Curriculum materials"),
            (BudgetCategory.Travel, null, 12_000m, "Field trips"),
            (BudgetCategory.Indirect, null, 6_000m, "Indirect costs"),
        ]);
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            Spend(summer, new(year, 7, 28), BudgetCategory.Personnel, 28_000m, $"Summer teachers, {year}");
            Spend(summer, new(year, 7, 28), BudgetCategory.Supplies, 6_000m, $"Curriculum materials, {year}");
            Spend(summer, new(year, 7, 28), BudgetCategory.Travel, 4_000m, $"Field trips, {year}");
            Spend(summer, new(year, 7, 31), BudgetCategory.Indirect, 2_000m, $"Indirect costs, {year}");
            Draw(summer, new(year, 6, 15), 40_000m, $"TSREF-SB-{year}", new(year, 6, 29));
        }
        Report(summer, "Final report", new(2025, 10, 31), new(2025, 10, 10));
        (summer.Status, summer.ClosedOn, summer.CloseoutNote) = (GrantStatus.Closed, new DateOnly(2025, 10, 15), "Spent out; final report submitted.");
    }

    /// <summary>
    /// The speech-language pathologist White Birch employs for three districts, split by FTE, invoiced quarterly through
    /// 2025-26 (the last quarter still unpaid by Green Mountain); AP Physics seats billed by their host for the year.
    /// </summary>
    private static void AddCostSharing(ConsortiumDb db, List<Partnership> partnerships, List<District> d)
    {
        var slp = partnerships[1];
        var position = new CostSharing.SharedPosition
        {
            Partnership = slp, Title = "Speech-language pathologist", Kind = CostSharing.PositionKind.Employee, EmployingDistrict = d[5], RemainderDistrict = d[5],
            AnnualSalary = 68_417.00m, AnnualBenefits = 20_525.10m, Method = CostSharing.AllocationMethod.ByFte, StartsOn = new(2025, 8, 25),
            Shares = [new() { District = d[5], BasisThousandths = 400 }, new() { District = d[7], BasisThousandths = 350 }, new() { District = d[2], BasisThousandths = 250 }],
        };
        db.SharedPositions.Add(position);
        // Keys are not assigned yet: the split works on the districts' positions in the list.
        var basis = new Dictionary<int, long> { [5] = 400, [7] = 350, [2] = 250 };
        var quarter = CostSharing.Allocation.ForMonths(position.AnnualSalary + position.AnnualBenefits, 3);
        var parts = CostSharing.Allocation.Split(quarter, basis, remainderTo: 5);
        foreach (var (q, issued) in new[] { ("Q1", new DateOnly(2025, 10, 6)), ("Q2", new DateOnly(2026, 1, 5)), ("Q3", new DateOnly(2026, 4, 6)), ("Q4", new DateOnly(2026, 7, 6)) })
            foreach (var debtor in new[] { 7, 2 })
            {
                var amount = parts[debtor];
                var invoice = new CostSharing.InterDistrictInvoice
                {
                    Partnership = slp, Period = $"2025-26 {q}", Creditor = d[5], Debtor = d[debtor], IssuedOn = issued, DueOn = issued.AddDays(30), Amount = amount,
                    Lines = [new() { Description = $"Speech-language pathologist, 2025-26 {q}: 3 of 12 months of 88,942.10, {basis[debtor] / 1000m:0.###} of 1 FTE of the position", Amount = amount }],
                };
                // Green Mountain has not paid the last quarter.
                if (!(q == "Q4" && debtor == 2))
                {
                    invoice.Payments.Add(new() { PaidOn = issued.AddDays(debtor == 7 ? 21 : 28), Amount = amount, Reference = $"ACH {issued:yyMM}-{debtor:00}", RecordedAt = issued.AddDays(29).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc) });
                    invoice.Paid = amount;
                }
                db.InterDistrictInvoices.Add(invoice);
            }

        var physics = partnerships[2];
        foreach (var (district, students) in new[] { (d[1], 6), (d[0], 4), (d[10], 3), (d[6], 5) })
            db.CourseEnrollments.Add(new CostSharing.CourseEnrollment { Partnership = physics, Term = "2025-26", District = district, Students = students, CostPerSeat = 1_150.00m });
        foreach (var (district, students) in new[] { (d[0], 4), (d[10], 3), (d[6], 5) })
        {
            var amount = students * 1_150.00m;
            db.InterDistrictInvoices.Add(new CostSharing.InterDistrictInvoice
            {
                Partnership = physics, Period = "2025-26", Creditor = d[1], Debtor = district, IssuedOn = new(2026, 6, 22), DueOn = new(2026, 7, 22), Amount = amount, Paid = amount,
                Lines = [new() { Description = $"AP Physics by Video Link, 2025-26: {students} seats at 1,150.00", Amount = amount }],
                Payments = [new() { PaidOn = new(2026, 7, 15), Amount = amount, Reference = "Check", RecordedAt = new DateTime(2026, 7, 16, 14, 0, 0, DateTimeKind.Utc) }],
            });
        }
    }

    /// <summary>
    /// Buses bought under a contract the partnership awarded from three quotes; diesel and heating oil at the consortium's
    /// prices, against what each member paid alone the year before.
    /// </summary>
    private static void AddPurchases(ConsortiumDb db, Consortium northern, List<Partnership> partnerships, Random random)
    {
        Purchasing.Vendor[] vendors =
        [
            new() { Consortium = northern, Name = "Northeast Bus Sales", ContactEmail = "bids@northeastbus.example.com" },
            new() { Consortium = northern, Name = "Green Mountain Coach", ContactEmail = "fleet@gmcoach.example.com" },
            new() { Consortium = northern, Name = "Lakes Region Bus & Equipment", ContactEmail = "sales@lakesbus.example.com" },
        ];
        db.Vendors.AddRange(vendors);
        var round = new Purchasing.PurchasingRound
        {
            Partnership = partnerships[0], Item = "Type C school bus", Unit = "bus", EstimatedQuantity = 14, QuotesDueOn = new(2024, 5, 15),
            Specification = "77-passenger conventional diesel, air brakes, camera package, three-year warranty.",
            Status = Purchasing.PurchasingRoundStatus.Awarded, OpenedAt = new DateTime(2024, 4, 15, 13, 0, 0, DateTimeKind.Utc),
            Quotes =
            [
                new() { Vendor = vendors[0], UnitPrice = 128_500m, ReceivedOn = new(2024, 5, 10), ValidUntil = new(2024, 8, 31), Terms = "Delivery in 120 days; three-year warranty." },
                new() { Vendor = vendors[1], UnitPrice = 131_200m, ReceivedOn = new(2024, 5, 13), ValidUntil = new(2024, 7, 31), Terms = "Delivery in 90 days; two-year warranty." },
                new() { Vendor = vendors[2], UnitPrice = 134_750m, ReceivedOn = new(2024, 5, 14), Terms = "Delivery in 150 days; three-year warranty, extended drivetrain." },
            ],
        };
        db.PurchasingRounds.Add(round);
        var contract = new Purchasing.Contract
        {
            Round = round, Quote = round.Quotes[0], Vendor = vendors[0], UnitPrice = 128_500m, StartsOn = new(2024, 7, 1), EndsOn = new(2026, 6, 30),
            AwardedOn = new(2024, 5, 28), Reason = "Lowest quote meeting the specification.",
        };
        db.Contracts.Add(contract);

        (string Item, decimal Consortium, decimal Standalone, int MinQuantity, int MaxQuantity)[] buses =
        [
            ("Type C school bus", 128_500m, 139_900m, 1, 2),
            ("Diesel fuel, gallons", 3.42m, 3.89m, 18_000, 40_000),
            ("Heating oil, gallons", 3.15m, 3.61m, 10_000, 25_000),
        ];
        foreach (var member in partnerships[0].Members)
            foreach (var year in new[] { 2024, 2025 }.Where(y => new DateOnly(y, 8, 1) >= member.JoinedOn))
                foreach (var (item, consortium, standalone, min, max) in buses)
                {
                    var bus = item == round.Item;
                    db.PurchaseLines.Add(new Purchasing.PurchaseLine
                    {
                        Partnership = partnerships[0], District = member.District, Item = item, Quantity = random.Next(min, max + 1),
                        ConsortiumUnitPrice = consortium, StandaloneUnitPrice = standalone, PurchasedOn = new DateOnly(year, 8, 1 + random.Next(0, 28)),
                        Contract = bus ? contract : null,
                        StandalonePriceSource = bus ? Purchasing.StandalonePriceSource.Quote : Purchasing.StandalonePriceSource.LastYearInvoice,
                        StandalonePriceNote = bus ? "The district's own quote from its usual dealer, spring 2024" : $"The district's {year - 1}-{year % 100:00} fuel invoices",
                        ApprovalReference = bus ? $"PO {year}-{100 + random.Next(0, 800)}" : null,
                    });
                }
        foreach (var member in partnerships[9].Members)
            db.PurchaseLines.Add(new Purchasing.PurchaseLine
            {
                Partnership = partnerships[9], District = member.District, Item = "Food service supplies, cases", Quantity = random.Next(400, 900),
                ConsortiumUnitPrice = 41.80m, StandaloneUnitPrice = 46.25m, PurchasedOn = new DateOnly(2023, 2, 1),
            });
        // The proficiency grant buys its rubric platform once for the five high schools, at the consortium's price.
        int[] licenses = [1180, 640, 860, 720, 1040];
        foreach (var (member, i) in partnerships[5].Members.Select((m, i) => (m, i)))
            db.PurchaseLines.Add(new Purchasing.PurchaseLine
            {
                Partnership = partnerships[5], District = member.District, Item = "Proficiency rubric platform, student licenses", Quantity = licenses[i % licenses.Length],
                ConsortiumUnitPrice = 6.50m, StandaloneUnitPrice = 9.75m, PurchasedOn = new DateOnly(2025, 9, 15),
            });
    }

    private static Indicator[] AddIndicators(ConsortiumDb db, Consortium northern, Consortium upperValley, List<District> districts, Random random, DateTime now)
    {
        var indicators = new[]
        {
            new Indicator { Consortium = northern, Code = "ATTENDANCE_RATE", Name = "Average daily attendance", Unit = "percent", Aggregation = Aggregation.EnrollmentWeightedMean },
            new Indicator { Consortium = northern, Code = "CHRONIC_ABSENTEEISM", Name = "Students chronically absent", Unit = "percent", Aggregation = Aggregation.EnrollmentWeightedMean },
            new Indicator { Consortium = northern, Code = "GRADUATION_RATE", Name = "Four-year graduation rate", Unit = "percent", Aggregation = Aggregation.EnrollmentWeightedMean },
            new Indicator { Consortium = northern, Code = "SHARED_COURSE_ENROLLMENT", Name = "Students in shared courses", Unit = "students", Aggregation = Aggregation.Sum, MinimumGroupSize = 1 },
            new Indicator { Consortium = northern, Code = "TRANSPORT_COST_PER_PUPIL", Name = "Transportation cost per pupil", Unit = "dollars", Aggregation = Aggregation.Mean, MinimumGroupSize = 1 },
            new Indicator { Consortium = upperValley, Code = "LITERACY_PROFICIENCY", Name = "Grade 3 students proficient in reading", Unit = "percent", Aggregation = Aggregation.EnrollmentWeightedMean },
        };
        db.Indicators.AddRange(indicators);
        string[] periods = ["2022-23", "2023-24", "2024-25", "2025-26"];
        foreach (var indicator in indicators)
        {
            var members = indicator.Consortium == northern ? districts : upperValley.Memberships.Select(m => m.District).ToList();
            foreach (var district in members)
            {
                foreach (var (period, p) in periods.Select((x, i) => (x, i)))
                {
                    var (value, students) = indicator.Code switch
                    {
                        "ATTENDANCE_RATE" => (92.0 + random.NextDouble() * 4 + p * 0.3, district.Enrollment),
                        "CHRONIC_ABSENTEEISM" => (22.0 - p * 1.5 + random.NextDouble() * 6, district.Enrollment),
                        "GRADUATION_RATE" => (84.0 + random.NextDouble() * 10 + p * 0.8, Math.Max(4, district.Enrollment / 13)),
                        "SHARED_COURSE_ENROLLMENT" => ((double)random.Next(0, 12 + p * 4), district.Enrollment),
                        "TRANSPORT_COST_PER_PUPIL" => (900.0 + random.Next(0, 700) - p * 25, district.Enrollment),
                        _ => (55.0 + random.NextDouble() * 20 + p * 1.2, Math.Max(6, district.Enrollment / 12)),
                    };
                    db.IndicatorValues.Add(new IndicatorValue
                    {
                        Indicator = indicator, District = district, Period = period, Value = Math.Round(value, 1), StudentCount = students,
                        ReportedAt = new DateTime(2023 + p, 10, 15, 12, 0, 0, DateTimeKind.Utc) < now ? new DateTime(2023 + p, 10, 15, 12, 0, 0, DateTimeKind.Utc) : now,
                    });
                }
            }
        }
        return indicators;
    }
}
