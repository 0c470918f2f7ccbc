using System.Diagnostics;
using ConsortiumGraph.Agreements;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConsortiumGraph.Data;

/// <summary>What a generation run wrote.</summary>
public sealed record ScaleReport(long Rows, TimeSpan Elapsed, IReadOnlyDictionary<string, long> Counts)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// A national-scale data set for benchmarks: at scale 1, 15,000 districts in 50 states with realistic
/// enrollment and locale mixes, 100,000 schools, 2,000 consortia, 40,000 partnerships of every kind and
/// status, about 500,000 commitments with progress, 20,000 decisions with votes, 1.9 million indicator
/// values, the books of every grant (budget, monthly spending, quarterly drawdowns) and a League per ten
/// consortia, which takes every school of the ten flagged as a League member, with their self-assessments
/// and shared practices. The same seed gives the same data (dates count from a fixed day, not the clock).
/// Written a slice of consortia at a time, each slice in one transaction, so memory stays flat at any scale.
/// </summary>
public static class ScaleData
{
    /// <summary>The day the data set is as of: its dates count from it, not from the clock.</summary>
    public static readonly DateOnly Today = new(2026, 9, 1);

    // The 50 states, weighted roughly by their number of school districts.
    private static readonly (string State, int Weight)[] States =
    [
        ("TX", 1200), ("CA", 1000), ("IL", 850), ("NY", 700), ("OH", 610), ("MI", 540), ("PA", 500), ("NJ", 580), ("MO", 520), ("WI", 420),
        ("NE", 240), ("OK", 510), ("MN", 330), ("IA", 330), ("KS", 290), ("AR", 235), ("MA", 300), ("AZ", 220), ("IN", 290), ("ND", 170),
        ("SD", 150), ("MT", 400), ("CO", 180), ("OR", 200), ("WA", 295), ("GA", 180), ("KY", 170), ("VT", 120), ("NH", 165), ("ME", 200),
        ("CT", 170), ("VA", 130), ("NC", 115), ("SC", 80), ("TN", 145), ("AL", 140), ("MS", 145), ("LA", 70), ("FL", 70), ("WV", 55),
        ("MD", 25), ("DE", 20), ("RI", 35), ("NM", 90), ("ID", 115), ("UT", 40), ("NV", 17), ("WY", 48), ("AK", 54), ("HI", 1),
    ];

    public static async Task<ScaleReport> GenerateAsync(IDbContextFactory<ConsortiumDb> databases, double scale, int seed,
        Action<string>? progress = null, CancellationToken ct = default)
    {
        await using (var check = await databases.CreateDbContextAsync(ct))
            if (await check.Districts.AnyAsync(ct))
                throw new InvalidOperationException("The database already has districts: generate into an empty, migrated database.");

        var consortiumCount = Math.Max(1, (int)Math.Round(2_000 * scale));
        var districtCount = Math.Max(2 * consortiumCount, (int)Math.Round(15_000 * scale));
        var random = new Random(seed);
        var stateTotal = States.Sum(s => s.Weight);
        var counts = new Dictionary<string, long>();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        const int slice = 10; // consortia per transaction: ~20,000 rows, so change tracking stays cheap
        // PostgreSQL takes the rows by binary COPY through one connection; the others through EF Core.
        await using var bulkDb = await databases.CreateDbContextAsync(ct);
        var bulk = bulkDb.Database.IsNpgsql() ? await PostgreSqlBulkCopy.StartAsync(bulkDb, ct) : null;

        for (var first = 0; first < consortiumCount; first += slice)
        {
            var added = new List<object>();
            var values = new List<IndicatorValue>();
            // Grant books and Leagues draw on a stream of their own, purchasing on another: the rest of the data is what the seed made before they were added.
            var later = new Random(seed * 7919 + first);
            var purchasing = new Random(seed * 6007 + first);
            var leagueSchools = new List<School>();
            Consortium? leagueConsortium = null;
            void Add(object entity)
            {
                if (entity is IndicatorValue value) values.Add(value);
                else added.Add(entity);
            }

            for (var c = first; c < Math.Min(first + slice, consortiumCount); c++)
            {
                var consortium = new Consortium { Name = $"Consortium {c + 1:00000}", SharedGoal = "Courses, staff and purchasing no member could manage alone." };
                Add(consortium);
                // Districts are dealt to consortia in turn, so each has about 7.5.
                var districts = new List<District>();
                for (var i = c; i < districtCount; i += consortiumCount)
                {
                    var state = Pick(random, stateTotal);
                    var locale = random.NextDouble() switch { < 0.53 => Locale.Rural, < 0.74 => Locale.Town, < 0.93 => Locale.Suburb, _ => Locale.City };
                    // Log-normal enrollment: most districts are small, a few very large; cities larger still.
                    var enrollment = (int)Math.Clamp(Math.Exp(7.1 + 1.3 * Gaussian(random)) * (locale == Locale.City ? 4 : 1), 20, 600_000);
                    var district = new District
                    {
                        Code = $"{Array.IndexOf(States, state) + 1:00}{i:000000}", Name = $"{state.State} District {i:000000}", State = state.State, Locale = locale,
                        Enrollment = enrollment, StaffCapacityFte = Math.Round(enrollment / 500.0, 1), DataSystem = random.Next(3) switch { 0 => "PowerSchool", 1 => "Infinite Campus", _ => "Skyward" },
                        Latitude = 25 + random.NextDouble() * 23, Longitude = -124 + random.NextDouble() * 57,
                    };
                    districts.Add(district);
                    Add(district);
                    Add(new ConsortiumMembership { Consortium = consortium, District = district, JoinedOn = Today.AddDays(-random.Next(200, 2000)) });
                    // About 100,000 schools across 15,000 districts: 6.6 each, more in larger districts.
                    var schools = Math.Clamp((int)Math.Round(1 + enrollment / 700.0 + random.NextDouble() * 2), 1, 60);
                    for (var s = 0; s < schools; s++)
                    {
                        var school = new School { Code = $"{district.Code}{s:000}", Name = $"{district.Name} School {s + 1}", District = district, Enrollment = enrollment / schools, LeagueMember = random.Next(4) == 0 };
                        Add(school);
                        if (school.LeagueMember) leagueSchools.Add(school);
                    }
                }

                var indicators = Enumerable.Range(0, 8).Select(k => new Indicator
                {
                    Consortium = consortium, Code = $"INDICATOR_{k + 1}", Name = $"Indicator {k + 1}", Unit = k < 5 ? "percent" : "students",
                    Aggregation = k < 4 ? Aggregation.EnrollmentWeightedMean : k < 6 ? Aggregation.Sum : k == 6 ? Aggregation.Min : Aggregation.Max,
                    MinimumGroupSize = 10,
                }).ToList();
                indicators.ForEach(Add);
                foreach (var district in districts)
                    foreach (var indicator in indicators)
                        foreach (var period in Periods)
                            Add(new IndicatorValue
                            {
                                Indicator = indicator, District = district, Period = period, Value = Math.Round(indicator.Unit == "percent" ? 60 + random.NextDouble() * 38 : random.Next(0, 500), 1),
                                StudentCount = district.Enrollment, ReportedAt = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                            });
                foreach (var district in districts)
                    foreach (var indicator in indicators)
                        Add(new DataSharingConsent { Indicator = indicator, District = district, SharedWithFunders = random.Next(5) != 0, UpdatedAt = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });

                var funder = new Funder { Name = $"Fund for Consortium {c + 1:00000}" };
                Add(funder);
                var vendors = GeneratedPurchasing.Vendors(consortium, Add);
                for (var p = 0; p < 20; p++)
                    AddPartnership(consortium, districts, funder, vendors, p, random, later, purchasing, Add);
                // The League of the slice's first consortium takes every League school of the slice's ten: most of its schools are in other consortia's districts.
                if (c == first) leagueConsortium = consortium;
            }
            if (leagueSchools.Count > 0)
                GeneratedLeague.Add(leagueConsortium!, first / slice + 1, leagueSchools, Today, later, Add);

            if (bulk is not null)
            {
                await using var transaction = await bulkDb.Database.BeginTransactionAsync(ct);
                await bulk.WriteAsync(added.Cast<Entity>().Concat(values), ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                await using var db = await databases.CreateDbContextAsync(ct);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.AddRange(added);
                db.ChangeTracker.DetectChanges();
                // A bulk load into SQLite need not wait for the disk at every commit: a crash means generating again.
                if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF", ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await InsertValuesAsync(db, values, ct); // after the save: the rows they point to have their keys now
                await transaction.CommitAsync(ct);
            }
            foreach (var entity in added)
            {
                var name = entity.GetType().Name;
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
            counts[nameof(IndicatorValue)] = counts.GetValueOrDefault(nameof(IndicatorValue)) + values.Count;
            rows += added.Count + values.Count;
            progress?.Invoke($"consortia {Math.Min(first + slice, consortiumCount)}/{consortiumCount}: {rows:N0} rows, {rows / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} rows/s");
        }
        if (bulk is not null)
        {
            await bulk.FinishAsync(ct);
            // Fresh statistics for the planner after the load, as an operator would run.
            await bulkDb.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        return new ScaleReport(rows, clock.Elapsed, counts);
    }

    /// <summary>
    /// Indicator values, the bulk of the data, through one prepared INSERT reused for every row: about
    /// ten times EF Core's per-entity path. The SQL is plain enough for all three providers.
    /// </summary>
    private static async Task InsertValuesAsync(ConsortiumDb db, List<IndicatorValue> values, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        // Every non-null column named: a migration that rebuilds the table on SQLite keeps no column defaults.
        command.CommandText = "INSERT INTO \"IndicatorValues\" (\"IndicatorId\", \"DistrictId\", \"Period\", \"Value\", \"StudentCount\", \"ReportedAt\", \"Revision\") VALUES (@i, @d, @p, @v, @n, @r, 0)";
        var parameters = new[] { "@i", "@d", "@p", "@v", "@n", "@r" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var value in values)
        {
            (parameters[0].Value, parameters[1].Value, parameters[2].Value) = (value.Indicator.Id, value.District.Id, value.Period);
            (parameters[3].Value, parameters[4].Value, parameters[5].Value) = (value.Value, value.StudentCount, value.ReportedAt);
            if (value == values[0]) await command.PrepareAsync(ct);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static readonly string[] Periods = [.. new[] { 2022, 2023, 2024, 2025 }.SelectMany(y => new[] { $"{y}-{(y + 1) % 100:00}", $"{y}-{(y + 1) % 100:00} T1", $"{y}-{(y + 1) % 100:00} T2", $"{y}-{(y + 1) % 100:00} T3" })];

    private static void AddPartnership(Consortium consortium, List<District> districts, Funder funder, IReadOnlyList<Purchasing.Vendor> vendors, int index,
        Random random, Random later, Random purchasing, Action<object> add)
    {
        var kind = (PartnershipKind)(index % 7);
        var status = (index % 10) switch { < 6 => PartnershipStatus.Active, < 8 => PartnershipStatus.Proposed, 8 => PartnershipStatus.Completed, _ => PartnershipStatus.Dissolved };
        var members = districts.OrderBy(_ => random.Next()).Take(Math.Min(districts.Count, random.Next(2, 6))).ToList();
        var starts = Today.AddDays(-random.Next(0, 1500));
        var partnership = new Partnership
        {
            Consortium = consortium, Name = $"{kind} {index + 1:00} of {consortium.Name}", Kind = kind, Status = status,
            SharedGoal = "Serve students better together.", StartsOn = starts, EndsOn = starts.AddDays(random.Next(300, 1500)),
        };
        add(partnership);
        for (var m = 0; m < members.Count; m++)
            add(new PartnershipMember
            {
                Partnership = partnership, District = members[m], JoinedOn = starts,
                IsLead = m == 0, IsFiscalAgent = m == 1 && kind == PartnershipKind.GrantProject,
            });
        add(new DecisionRight { Partnership = partnership, Area = "budget", Rule = DecisionRule.Majority });
        add(new DecisionRight { Partnership = partnership, Area = "staffing", Rule = DecisionRule.Unanimous });
        var agreement = new Agreement { Partnership = partnership, Version = 1, Title = "Memorandum of understanding", Terms = "Each member commits to the activities listed.", EffectiveOn = status == PartnershipStatus.Proposed ? null : starts,
            Status = status == PartnershipStatus.Proposed ? AgreementStatus.Pending : AgreementStatus.InForce };
        add(agreement);
        if (status != PartnershipStatus.Proposed)
            foreach (var member in members)
                add(new Signature { Agreement = agreement, District = member, SignedBy = "Superintendent", SignedAt = starts.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        if (kind == PartnershipKind.GrantProject && members.Count > 1)
        {
            var grant = new Grant { Funder = funder, Partnership = partnership, FiscalAgent = members[1], Amount = random.Next(20, 500) * 1000m, StartsOn = starts, EndsOn = starts.AddYears(2) };
            add(grant);
            GeneratedGrantBooks.Add(grant, members, Today, later, add);
        }
        if (kind == PartnershipKind.JointPurchasing)
            GeneratedPurchasing.Add(partnership, members, vendors, Today, purchasing, add);

        // About 500,000 commitments over 40,000 partnerships: 12.5 each, with 0-3 progress reports.
        for (var k = random.Next(8, 18); k > 0; k--)
        {
            var commitmentStatus = (CommitmentStatus)random.Next(5);
            var commitment = new Commitment
            {
                Partnership = partnership, District = members[random.Next(members.Count)], Title = $"Commitment {k}", DueOn = starts.AddDays(random.Next(30, 900)), Status = commitmentStatus,
                Dollars = random.Next(3) == 0 ? random.Next(1, 200) * 500m : null, StaffFte = kind == PartnershipKind.SharedStaff ? Math.Round(random.NextDouble(), 1) + 0.1 : null,
                StudentSeats = kind == PartnershipKind.SharedCourse ? random.Next(1, 30) : null,
            };
            add(commitment);
            for (var u = random.Next(0, 4); u > 0; u--)
                add(new ProgressUpdate { Commitment = commitment, ReportedAt = starts.AddDays(random.Next(1, 600)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Status = commitmentStatus, PercentComplete = random.Next(0, 101) });
        }

        // About 20,000 decisions: one every other partnership, with members' votes.
        if (random.Next(2) == 0)
        {
            var proposed = starts.AddDays(random.Next(1, 300)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            var decision = new Decision
            {
                Partnership = partnership, Area = "budget", Title = "Adopt the annual budget", Rule = DecisionRule.Majority, ProposedAt = proposed, Deadline = proposed.AddDays(14),
                Status = DecisionStatus.Adopted, ClosedAt = proposed.AddDays(random.Next(1, 14)),
            };
            add(decision);
            foreach (var member in members)
                add(new Vote { Decision = decision, District = member, Choice = VoteChoice.Yes, CastAt = proposed.AddDays(1) });
        }
    }

    private static (string State, int Weight) Pick(Random random, int total)
    {
        var ticket = random.Next(total);
        foreach (var state in States)
            if ((ticket -= state.Weight) < 0) return state;
        return States[^1];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary><c>data generate [--scale S] [--seed N]</c>: fills the configured (empty) database.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var scale = double.TryParse(Option(args, "--scale"), System.Globalization.CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 10 ? s : 1.0;
        var seed = int.TryParse(Option(args, "--seed"), out var n) ? n : 2026;
        app.Services.GetRequiredService<DatabaseOptions>().SeedDemoData = false;
        await app.Services.InitializeDatabaseAsync();
        try
        {
            var report = await GenerateAsync(app.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>(), scale, seed, line => Console.Error.WriteLine(line));
            Console.Out.WriteLine($"generated {report.Rows:N0} rows in {report.Elapsed.TotalSeconds:N1} s ({report.RowsPerSecond:N0} rows/s) at scale {scale}, seed {seed}");
            foreach (var (type, count) in report.Counts.OrderBy(c => c.Key)) Console.Out.WriteLine($"  {type}: {count:N0}");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
