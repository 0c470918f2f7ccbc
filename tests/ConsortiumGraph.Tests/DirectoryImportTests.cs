using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The federal directory in: importDirectory with files uploaded as the GraphQL multipart request spec
/// sends them, on an empty database. Idempotent, rejected rows with their lines, a structurally broken file
/// keeps nothing (even when the break comes after rows were saved), and only a platform admin may import.
/// </summary>
public abstract class DirectoryImportTests(bool postgres) : IAsyncLifetime
{
    public static string Extract(string file) => Repository.File("tests", "ConsortiumGraph.Tests", "TestData", "ccd", file);
    public static readonly (string Field, string File)[] AllFiles =
        [("lea", "ccd_lea_029_extract.csv"), ("schools", "ccd_sch_029_extract.csv"), ("membership", "ccd_sch_052_extract.csv"), ("geocodes", "EDGE_GEOCODE_PUBLICLEA_extract.csv")];

    private const string Selection = "import { districts { created updated unchanged rejected } schools { created updated unchanged rejected } rejectedRows { file line id reason } rowsRead dryRun } errors { __typename code message path }";
    private static readonly Dictionary<string, string> Empty = new() { ["Database:SeedDemoData"] = "false" };
    private readonly PluginTestHost _host = postgres ? new PostgreSqlServer { Settings = Empty } : new PluginTestHost { Settings = Empty };

    /// <summary>POSTs importDirectory as multipart/form-data: operations, map, then the files.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(HttpClient client, string? token, IEnumerable<(string Field, byte[] Content, string Name)> files, bool dryRun = false)
    {
        var list = files.ToList();
        return await MultipartPost.SendAsync(client, token,
            $"mutation Import($input: ImportDirectoryInput!, $dryRun: Boolean!) {{ importDirectory(input: $input, dryRun: $dryRun) {{ {Selection} }} }}",
            new { input = list.ToDictionary(f => f.Field, _ => (object?)null), dryRun }, [.. list.Select(f => ($"variables.input.{f.Field}", f.Content, f.Name))]);
    }

    private static IEnumerable<(string, byte[], string)> Files(params (string Field, string File)[] files) =>
        files.Select(f => (f.Field, File.ReadAllBytes(Extract(f.File)), f.File));

    private async Task<JsonElement> Import(IEnumerable<(string, byte[], string)> files, bool dryRun = false, string? token = null)
    {
        using var client = _host.CreateClient();
        var (status, body) = await ImportAsync(client, token ?? _host.TokenFor("platform-admin"), files, dryRun);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("data").GetProperty("importDirectory");
    }

    private static (int, int, int, int) Counts(JsonElement counts) => (counts.GetProperty("created").GetInt32(), counts.GetProperty("updated").GetInt32(),
        counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("rejected").GetInt32());

    [DatabaseFact]
    public async Task The_extract_imports_with_its_rejections_and_importing_it_again_changes_nothing()
    {
        var dry = await Import(Files(AllFiles), dryRun: true);
        Assert.True(dry.GetProperty("import").GetProperty("dryRun").GetBoolean());
        Assert.Equal((6, 0, 0, 2), Counts(dry.GetProperty("import").GetProperty("districts")));
        await using (var db = _host.OpenDatabase()) Assert.Equal(0, await db.Districts.CountAsync());

        var first = (await Import(Files(AllFiles))).GetProperty("import");
        Assert.Equal((6, 0, 0, 2), Counts(first.GetProperty("districts")));
        Assert.Equal((8, 0, 0, 1), Counts(first.GetProperty("schools")));
        var rejected = first.GetProperty("rejectedRows").EnumerateArray().Select(r => (r.GetProperty("file").GetString(), r.GetProperty("line").GetInt32(), r.GetProperty("id").GetString())).ToList();
        Assert.Equal([("lea", 8, "2399990"), ("lea", 9, "5099990"), ("schools", 10, "239999000701")], rejected);
        Assert.Contains("SY_STATUS 2", first.GetProperty("rejectedRows")[0].GetProperty("reason").GetString());

        // What the files say, as the API reads it: names with commas, enrollment from the Education Unit Total rows, locale from EDGE codes.
        var granite = (await _host.QueryAsync("""{ district(code: "3300710") { name state locale enrollment latitude longitude schools(first: 5) { nodes { code name enrollment } } } }""",
            token: _host.TokenFor("platform-admin"))).GetProperty("district");
        Assert.Equal(("Granite Falls School District", "NH", "SUBURB", 1820), (granite.GetProperty("name").GetString(), granite.GetProperty("state").GetString(),
            granite.GetProperty("locale").GetString(), granite.GetProperty("enrollment").GetInt32()));
        Assert.Equal(42.991, granite.GetProperty("latitude").GetDouble());
        Assert.Equal(2, granite.GetProperty("schools").GetProperty("nodes").GetArrayLength());
        await using (var db = _host.OpenDatabase())
        {
            Assert.Equal("Pemigewasset Regional School District, SAU 48", (await db.Districts.SingleAsync(d => d.Code == "3300930")).Name);
            // Every row the import wrote is in its district's trail.
            Assert.Equal(6 + 8, await db.AuditEntries.CountAsync(a => a.Operation == "importDirectory in Import" && a.Action == "Added" && a.DistrictId != null));
        }

        await using var before = _host.OpenDatabase();
        var checksum = await DatabaseChecksum.OfAsync(before);
        var again = (await Import(Files(AllFiles))).GetProperty("import");
        Assert.Equal((0, 0, 6, 2), Counts(again.GetProperty("districts")));
        Assert.Equal((0, 0, 8, 1), Counts(again.GetProperty("schools")));
        await using var after = _host.OpenDatabase();
        Assert.Equal(checksum, await DatabaseChecksum.OfAsync(after));

        // A new year's LEA file alone: a rename is an update, nothing else moves.
        var renamed = File.ReadAllText(Extract("ccd_lea_029_extract.csv")).Replace("White Birch Cooperative School District", "White Birch Regional School District");
        var update = (await Import([("lea", Encoding.UTF8.GetBytes(renamed), "ccd_lea_029_2026.csv")])).GetProperty("import");
        Assert.Equal((0, 1, 5, 2), Counts(update.GetProperty("districts")));
    }

    [DatabaseFact]
    public async Task Without_locale_or_enrollment_a_new_district_is_rejected_not_made_up()
    {
        var lea = (await Import(Files(AllFiles[0]))).GetProperty("import");
        Assert.Equal((0, 0, 0, 8), Counts(lea.GetProperty("districts")));
        Assert.Contains(lea.GetProperty("rejectedRows").EnumerateArray(), r => r.GetProperty("reason").GetString()!.Contains("--geocodes"));
        var noMembership = (await Import(Files(AllFiles[0], AllFiles[3]))).GetProperty("import");
        Assert.Contains(noMembership.GetProperty("rejectedRows").EnumerateArray(), r => r.GetProperty("reason").GetString()!.Contains("--membership"));
        await using var db = _host.OpenDatabase();
        Assert.Equal(0, await db.Districts.CountAsync());
    }

    [DatabaseFact]
    public async Task A_structurally_broken_file_keeps_nothing_even_after_rows_were_saved()
    {
        // A missing required column.
        var noLeaid = File.ReadAllText(Extract("ccd_lea_029_extract.csv")).Replace(",LEAID,", ",LEA_ID,");
        var missing = await Import([("lea", Encoding.UTF8.GetBytes(noLeaid), "lea.csv"), .. Files(AllFiles[2], AllFiles[3])]);
        var error = missing.GetProperty("errors")[0];
        Assert.Equal(("INVALID_FILE", "lea"), (error.GetProperty("code").GetString(), error.GetProperty("path")[1].GetString()));
        Assert.Contains("no LEAID column", error.GetProperty("message").GetString());

        // Latin-1, as a spreadsheet saves it by default: the first bad byte stops the import, after more than a batch of rows was saved.
        var lines = new StringBuilder("LEAID,LEA_NAME,ST\r\n");
        for (var i = 0; i < 2500; i++) lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"{9900000 + i},District {i},VT\r\n");
        var bytes = Encoding.UTF8.GetBytes(lines.ToString()).Concat(Encoding.Latin1.GetBytes("9902500,Dépôt District,VT\r\n")).ToArray();
        var membership = new StringBuilder("LEAID,STUDENT_COUNT,TOTAL_INDICATOR\r\n");
        var geocodes = new StringBuilder("LEAID,LOCALE,LAT,LON\r\n");
        for (var i = 0; i <= 2500; i++)
        {
            membership.Append(System.Globalization.CultureInfo.InvariantCulture, $"{9900000 + i},100,Education Unit Total\r\n");
            geocodes.Append(System.Globalization.CultureInfo.InvariantCulture, $"{9900000 + i},42,44.0,-72.0\r\n");
        }
        var latin = await Import([("lea", bytes, "lea-latin1.csv"), ("membership", Encoding.UTF8.GetBytes(membership.ToString()), "m.csv"), ("geocodes", Encoding.UTF8.GetBytes(geocodes.ToString()), "g.csv")]);
        var encoding = latin.GetProperty("errors")[0];
        Assert.Equal("INVALID_FILE", encoding.GetProperty("code").GetString());
        Assert.Contains("not UTF-8", encoding.GetProperty("message").GetString());
        await using var db = _host.OpenDatabase();
        Assert.Equal(0, await db.Districts.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Operation.StartsWith("importDirectory")));
    }

    [DatabaseFact]
    public async Task Only_a_platform_admin_imports_and_an_anonymous_upload_is_refused_before_it_is_read()
    {
        using var client = _host.CreateClient();
        var (status, body) = await ImportAsync(client, _host.TokenFor("consortium-admin", consortia: ["Q29uc29ydGl1bToxMjM="]), Files(AllFiles));
        Assert.Equal("NOT_AUTHORIZED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var (anonymous, refusal) = await ImportAsync(client, null, Files(AllFiles));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal("UNAUTHENTICATED", refusal.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        await using var db = _host.OpenDatabase();
        Assert.Equal(0, await db.Districts.CountAsync());
    }

    [DatabaseFact]
    public async Task Uploads_are_bounded_in_all_not_only_each()
    {
        // Each file is under the limit; together they are over it.
        await using var small = new PluginTestHost { Settings = new Dictionary<string, string> { ["Database:SeedDemoData"] = "false", ["GraphQL:Limits:MaxUploadBytes"] = "2000" } };
        using var client = small.CreateClient();
        var (status, body) = await ImportAsync(client, small.TokenFor("platform-admin"), Files(AllFiles[0], AllFiles[3]));
        Assert.True(File.ReadAllBytes(Extract(AllFiles[0].File)).Length < 2000 && File.ReadAllBytes(Extract(AllFiles[3].File)).Length < 2000);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("BODY_TOO_LARGE", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [DatabaseFact]
    public async Task A_malformed_multipart_request_is_a_400_with_a_reason()
    {
        using var client = _host.CreateClient();
        using var content = new MultipartFormDataContent { { new StringContent("{}"), "map" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _host.TokenFor("platform-admin"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("INVALID_MULTIPART", await response.Content.ReadAsStringAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

public sealed class SqliteDirectoryImportTests() : DirectoryImportTests(postgres: false);

public sealed class PostgreSqlDirectoryImportTests() : DirectoryImportTests(postgres: true), IPostgreSqlSuite;
