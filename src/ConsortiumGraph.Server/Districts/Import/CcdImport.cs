using System.Diagnostics;
using System.Globalization;
using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Districts.Import;

/// <summary>
/// Upserts districts and schools from the NCES Common Core of Data, keyed by federal id (LEAID, NCESSCH):
/// the LEA directory file, and where given the school directory, a membership file (enrollment) and the
/// EDGE LEA geocode file (locale, latitude, longitude). Files are streamed; rows are saved in batches with
/// their audit trail inside one transaction, so a structural error anywhere keeps nothing, and a dry run
/// rolls back after counting. Importing the same files again changes nothing.
/// </summary>
public static class CcdImport
{
    private const int BatchSize = 1000;
    private const string Total = "EDUCATION UNIT TOTAL";

    public sealed record Files(CcdFile Lea, CcdFile? Schools, CcdFile? Membership, CcdFile? Geocodes);

    private sealed record Place(Locale? Locale, double? Latitude, double? Longitude);

    /// <summary>Runs the import; a <see cref="CcdFileException"/> means nothing was kept.</summary>
    public static async Task<DirectoryImport> RunAsync(ConsortiumDb db, Files files, Caller caller, string operation, DateTime now, bool dryRun, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var result = new DirectoryImport { DryRun = dryRun };
        var places = files.Geocodes is null ? null : await PlacesAsync(files.Geocodes, result, ct);
        var (districtEnrollment, schoolEnrollment) = files.Membership is null ? (null, null) : await EnrollmentAsync(files.Membership, result, ct);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await DistrictsAsync(db, files.Lea, places, districtEnrollment, result, caller, operation, now, ct);
            if (files.Schools is not null) await SchoolsAsync(db, files.Schools, schoolEnrollment, result, caller, operation, now, ct);
            if (dryRun) await transaction.RollbackAsync(ct);
            else await transaction.CommitAsync(ct);
        });
        result.Seconds = clock.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>EDGE LOCALE codes: 11-13 city, 21-23 suburb, 31-33 town, 41-43 rural.</summary>
    public static Locale? LocaleOf(string? code) => code is { Length: 2 } && code[1] is >= '1' and <= '3'
        ? code[0] switch { '1' => Locale.City, '2' => Locale.Suburb, '3' => Locale.Town, '4' => Locale.Rural, _ => null }
        : null;

    private static async Task<Dictionary<string, Place>> PlacesAsync(CcdFile file, DirectoryImport result, CancellationToken ct)
    {
        var places = new Dictionary<string, Place>();
        await foreach (var row in file.RowsAsync(["LEAID", "LOCALE", "LAT", "LON"], ct))
        {
            result.RowsRead++;
            if (row.Has("NCESSCH"))
                throw new CcdFileException(file.Kind, file.Name, 1, "this is the school geocode file; districts take their locale and location from the LEA one (EDGE_GEOCODE_PUBLICLEA).");
            if (row["LEAID"] is not { } id) { result.Reject(file.Kind, row.Line, null, "LEAID is empty."); continue; }
            var locale = LocaleOf(row["LOCALE"]);
            if (row["LOCALE"] is { } code && locale is null) { result.Reject(file.Kind, row.Line, id, $"LOCALE {code} is not an NCES locale code (11-43)."); continue; }
            places[id] = new Place(locale, Coordinate(row["LAT"], 90), Coordinate(row["LON"], 180));
        }
        return places;
    }

    private static double? Coordinate(string? value, double limit) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= limit ? v : null;

    /// <summary>Total enrollment per LEA and per school: the membership rows whose TOTAL_INDICATOR is the education unit's total.</summary>
    private static async Task<(Dictionary<string, int>, Dictionary<string, int>)> EnrollmentAsync(CcdFile file, DirectoryImport result, CancellationToken ct)
    {
        var districts = new Dictionary<string, int>();
        var schools = new Dictionary<string, int>();
        await foreach (var row in file.RowsAsync(["LEAID", "STUDENT_COUNT", "TOTAL_INDICATOR"], ct))
        {
            result.RowsRead++;
            if (row["TOTAL_INDICATOR"]?.ToUpperInvariant().StartsWith(Total, StringComparison.Ordinal) != true) continue;
            if (row["LEAID"] is not { } lea || row["STUDENT_COUNT"] is not { } text) continue; // not reported
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                result.Reject(file.Kind, row.Line, lea, $"STUDENT_COUNT {text} is not a count of students.");
                continue;
            }
            if (row["NCESSCH"] is { } school) schools[school] = count;
            districts[lea] = districts.GetValueOrDefault(lea) + count;
        }
        return (districts, schools);
    }

    private static async Task DistrictsAsync(ConsortiumDb db, CcdFile file, Dictionary<string, Place>? places, Dictionary<string, int>? enrollment,
        DirectoryImport result, Caller caller, string operation, DateTime now, CancellationToken ct)
    {
        var seen = new Dictionary<string, int>();
        var batch = new List<(CcdRow Row, string Id, string Name, string State)>();
        await foreach (var row in file.RowsAsync(["LEAID", "LEA_NAME", "ST"], ct))
        {
            result.RowsRead++;
            if (IdAndName(row, "LEAID", "LEA_NAME", file, result, seen) is not (string id, string name))
            {
                result.Districts.Rejected++;
                continue;
            }
            if (row["ST"]?.ToUpperInvariant() is not { } state || !DirectoryRules.IsState(state))
            {
                Reject(result.Districts, result, file, row, id, $"ST {row["ST"] ?? "(empty)"} is not a two-letter state code.");
                continue;
            }
            batch.Add((row, id, name, state));
            if (batch.Count == BatchSize) await SaveDistrictsAsync();
        }
        await SaveDistrictsAsync();

        async Task SaveDistrictsAsync()
        {
            if (batch.Count == 0) return;
            var codes = batch.Select(b => b.Id).ToList();
            var existing = await db.Districts.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
            foreach (var (row, id, name, state) in batch)
            {
                var place = places?.GetValueOrDefault(id);
                int? students = enrollment is null ? null : enrollment.GetValueOrDefault(id);
                if (existing.TryGetValue(id, out var district))
                {
                    var before = (district.Name, district.State, district.Locale, district.Latitude, district.Longitude, district.Enrollment);
                    district.Name = name;
                    district.State = state;
                    if (place is not null)
                    {
                        district.Locale = place.Locale ?? district.Locale;
                        (district.Latitude, district.Longitude) = (place.Latitude ?? district.Latitude, place.Longitude ?? district.Longitude);
                    }
                    district.Enrollment = students ?? district.Enrollment;
                    if (before == (district.Name, district.State, district.Locale, district.Latitude, district.Longitude, district.Enrollment)) result.Districts.Unchanged++;
                    else { district.Revise(); result.Districts.Updated++; }
                    continue;
                }
                // A new directory entry needs what createDistrict needs; the import never makes figures up.
                if (place?.Locale is not { } locale)
                    Reject(result.Districts, result, file, row, id, places is null
                        ? "a new district needs its locale: import the EDGE LEA geocode file (--geocodes) with this one."
                        : "a new district needs its locale, and the geocode file has none for it.");
                else if (students is not { } count)
                    Reject(result.Districts, result, file, row, id, "a new district needs its enrollment: import the CCD membership file (--membership) with this one.");
                else
                {
                    db.Districts.Add(new District { Code = id, Name = name, State = state, Locale = locale, Enrollment = count, Latitude = place.Latitude, Longitude = place.Longitude });
                    result.Districts.Created++;
                }
            }
            await SaveBatchAsync(db, caller, operation, now, ct);
            batch.Clear();
        }
    }

    private static async Task SchoolsAsync(ConsortiumDb db, CcdFile file, Dictionary<string, int>? enrollment,
        DirectoryImport result, Caller caller, string operation, DateTime now, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().Select(d => new { d.Code, d.Id }).ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var seen = new Dictionary<string, int>();
        var batch = new List<(CcdRow Row, string Id, string Name, int DistrictId)>();
        await foreach (var row in file.RowsAsync(["NCESSCH", "SCH_NAME", "LEAID"], ct))
        {
            result.RowsRead++;
            if (IdAndName(row, "NCESSCH", "SCH_NAME", file, result, seen) is not (string id, string name))
            {
                result.Schools.Rejected++;
                continue;
            }
            if (row["LEAID"] is not { } lea || !districts.TryGetValue(lea, out var districtId))
            {
                Reject(result.Schools, result, file, row, id, $"its district (LEAID {row["LEAID"]}) is not in the directory: import it with the LEA file.");
                continue;
            }
            batch.Add((row, id, name, districtId));
            if (batch.Count == BatchSize) await SaveSchoolsAsync();
        }
        await SaveSchoolsAsync();

        async Task SaveSchoolsAsync()
        {
            if (batch.Count == 0) return;
            var codes = batch.Select(b => b.Id).ToList();
            var existing = await db.Schools.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
            foreach (var (row, id, name, districtId) in batch)
            {
                int? students = enrollment is null ? null : enrollment.GetValueOrDefault(id);
                if (existing.TryGetValue(id, out var school))
                {
                    var before = (school.Name, school.DistrictId, school.Enrollment);
                    (school.Name, school.DistrictId, school.Enrollment) = (name, districtId, students ?? school.Enrollment);
                    if (before == (school.Name, school.DistrictId, school.Enrollment)) result.Schools.Unchanged++;
                    else { school.Revise(); result.Schools.Updated++; }
                }
                else if (students is not { } count)
                    Reject(result.Schools, result, file, row, id, "a new school needs its enrollment: import the CCD school membership file (--membership) with this one.");
                else
                {
                    db.Schools.Add(new School { Code = id, Name = name, DistrictId = districtId, Enrollment = count });
                    result.Schools.Created++;
                }
            }
            await SaveBatchAsync(db, caller, operation, now, ct);
            batch.Clear();
        }
    }

    /// <summary>The row's id and name, or null (and the row rejected) when they are missing or malformed, the entry is closed, or the id came earlier in the file.</summary>
    private static (string Id, string Name)? IdAndName(CcdRow row, string idColumn, string nameColumn, CcdFile file, DirectoryImport result, Dictionary<string, int> seen)
    {
        var id = row[idColumn];
        string? problem = null;
        if (id is null || !DirectoryRules.IsCode(id)) problem = $"{idColumn} {id ?? "(empty)"} is not an NCES id.";
        else if (seen.TryGetValue(id, out var first)) problem = $"{idColumn} {id} is on line {first} already.";
        else if (row[nameColumn] is not { } name) problem = $"{nameColumn} is empty.";
        else if (name.Length > 200) problem = $"{nameColumn} has {name.Length} characters; at most 200 are allowed.";
        // SY_STATUS 2: closed this year. A closed entry is not added, nor one already here changed by it.
        else if (row["SY_STATUS"] == "2") problem = "it is closed in the CCD (SY_STATUS 2).";
        else
        {
            seen[id] = row.Line;
            return (id, name);
        }
        if (id is not null) seen.TryAdd(id, row.Line);
        result.Reject(file.Kind, row.Line, id, problem);
        return null;
    }

    private static void Reject(ImportCounts counts, DirectoryImport result, CcdFile file, CcdRow row, string? id, string reason)
    {
        counts.Rejected++;
        result.Reject(file.Kind, row.Line, id, reason);
    }

    /// <summary>Saves a batch with its audit trail (a directory entry is the district's own record) and lets go of it, so memory stays flat.</summary>
    private static async Task SaveBatchAsync(ConsortiumDb db, Caller caller, string operation, DateTime now, CancellationToken ct)
    {
        await AuditEntry.SaveWithTrailAsync(db, caller, operation, now, [], () => Task.FromResult<Func<object, (int?, int?)>>(row => row switch
        {
            District d => (null, d.Id),
            School s => (null, s.DistrictId),
            _ => (null, null),
        }), ct);
        db.ChangeTracker.Clear();
    }
}
