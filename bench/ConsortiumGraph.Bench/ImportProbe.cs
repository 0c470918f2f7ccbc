using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConsortiumGraph.Bench;

/// <summary>
/// <c>import [--schools 100000] [--districts 1900] --server SERVER.dll</c>: the directory import at national
/// size. Writes files in the CCD layouts (LEA directory, school directory, school membership with two rows per
/// school, EDGE LEA geocodes), then runs the server's <c>import ccd</c> on an empty SQLite database twice (the
/// first import, then the same files again, which change nothing), and at a tenth of the schools for comparison:
/// rows per second and the importing process's peak working set, as the command reports them.
/// </summary>
public static partial class ImportProbe
{
    [GeneratedRegex(@"(\d+) rows read in ([\d.]+) s \((\d+) rows/s\); peak working set (\d+) MB")] private static partial Regex Report();

    public static async Task<int> RunAsync(string server, int schools, int districts)
    {
        Console.WriteLine("| schools | run | rows | seconds | rows/s | peak working set |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var size in new[] { schools / 10, schools })
        {
            var folder = Directory.CreateTempSubdirectory("consortiumgraph-import-probe-").FullName;
            try
            {
                var files = Write(folder, size, districts);
                var database = $"--ConnectionStrings:Consortium=Data Source={Path.Combine(folder, "import.db")}";
                foreach (var run in new[] { "first import", "same files again" })
                {
                    var output = await ChildProcess.RunAsync("dotnet", [server, "import", "ccd", "--lea", files.Lea, "--schools", files.Schools, "--membership", files.Membership,
                        "--geocodes", files.Geocodes, database, "--Database:SeedDemoData=false"]);
                    var match = Report().Match(output);
                    if (!match.Success) throw new InvalidOperationException($"import ccd printed no report:\n{output}");
                    Console.WriteLine($"| {size:N0} | {run} | {int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture):N0} | {match.Groups[2].Value} | {match.Groups[3].Value} | {match.Groups[4].Value} MB |");
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    private static (string Lea, string Schools, string Membership, string Geocodes) Write(string folder, int schools, int districts)
    {
        var random = new Random(2026);
        string Path(string name) => System.IO.Path.Combine(folder, name);
        using (var lea = new StreamWriter(Path("ccd_lea_029.csv"), false, new UTF8Encoding(false)))
        using (var geo = new StreamWriter(Path("EDGE_GEOCODE_PUBLICLEA.csv"), false, new UTF8Encoding(false)))
        {
            lea.WriteLine("SCHOOL_YEAR,FIPST,STATENAME,ST,LEA_NAME,LEAID,SY_STATUS");
            geo.WriteLine("LEAID,NAME,LOCALE,LAT,LON");
            string[] locales = ["11", "21", "32", "41", "42", "43"];
            for (var i = 0; i < districts; i++)
            {
                lea.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2024-2025,50,VERMONT,VT,Benchmark District {i},{5100000 + i},1"));
                geo.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{5100000 + i},Benchmark District {i},{locales[i % locales.Length]},{44 + i % 100 / 100.0:0.000},{-72 - i % 100 / 100.0:0.000}"));
            }
        }
        using (var school = new StreamWriter(Path("ccd_sch_029.csv"), false, new UTF8Encoding(false)))
        using (var membership = new StreamWriter(Path("ccd_sch_052.csv"), false, new UTF8Encoding(false)))
        {
            school.WriteLine("SCHOOL_YEAR,ST,SCH_NAME,LEAID,NCESSCH,SY_STATUS");
            membership.WriteLine("SCHOOL_YEAR,ST,SCH_NAME,LEAID,NCESSCH,GRADE,RACE_ETHNICITY,SEX,STUDENT_COUNT,TOTAL_INDICATOR");
            for (var j = 0; j < schools; j++)
            {
                var lea = 5100000 + j % districts;
                var code = string.Create(CultureInfo.InvariantCulture, $"{lea}{j:00000}");
                var students = random.Next(20, 1500);
                school.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2024-2025,VT,Benchmark School {j},{lea},{code},1"));
                membership.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2024-2025,VT,Benchmark School {j},{lea},{code},Grade 1,White,Female,{students / 3},Category Set A - By Race/Ethnicity; Sex; Grade"));
                membership.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2024-2025,VT,Benchmark School {j},{lea},{code},No Category Codes,No Category Codes,No Category Codes,{students},Education Unit Total"));
            }
        }
        return (Path("ccd_lea_029.csv"), Path("ccd_sch_029.csv"), Path("ccd_sch_052.csv"), Path("EDGE_GEOCODE_PUBLICLEA.csv"));
    }
}
