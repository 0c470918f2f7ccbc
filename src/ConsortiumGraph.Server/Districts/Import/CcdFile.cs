using System.Globalization;
using System.Text;
using CsvHelper;

namespace ConsortiumGraph.Districts.Import;

/// <summary>
/// One CCD or EDGE file, read row by row (never whole): strict UTF-8, comma- or tab-separated as NCES
/// publishes them, with the columns a file of its kind must have. A file that is not what it claims to be
/// raises <see cref="CcdFileException"/>, which stops the whole import before anything is kept.
/// </summary>
public sealed class CcdFile(string kind, string name, Func<Stream> open)
{
    /// <summary>What the file is, as the import reports it: lea, schools, membership or geocodes.</summary>
    public string Kind => kind;
    public string Name => name;

    /// <summary>Each data row with its line number; <paramref name="required"/> columns must all be in the header.</summary>
    public async IAsyncEnumerable<CcdRow> RowsAsync(string[] required, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        // Strict UTF-8: a file in another encoding fails on its first bad byte instead of importing mangled names.
        var text = new StreamReader(open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        await using var csv = CsvReader.Create(text, CsvReaderOptions.Default with
        {
            TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw, MaxRecordSize = 1 << 20,
        });
        string[] header;
        try
        {
            await csv.ReadHeaderAsync(ct);
            header = csv.Headers.Select(h => h.Trim().ToUpperInvariant()).ToArray();
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException)
        {
            throw Problem(1, e);
        }
        if (header.Length == 0 || header.All(h => h.Length == 0))
            throw new CcdFileException(kind, name, 1, "the file is empty: it has no header row.");
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new CcdFileException(kind, name, 1, $"the header has no {string.Join(", ", missing)} column{(missing.Count == 1 ? "" : "s")}: is this the {Describe(kind)}?");
        var index = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);

        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync(ct);
            }
            catch (Exception e) when (e is DecoderFallbackException or CsvFormatException)
            {
                throw Problem(csv.LineNumber + 1, e);
            }
            if (!more) yield break;
            yield return new CcdRow(checked((int)csv.LineNumber), index, csv.Current.ToArray());
        }
    }

    private CcdFileException Problem(long line, Exception e) => e is DecoderFallbackException
        ? new CcdFileException(kind, name, line, "the file is not UTF-8 text; save it as UTF-8 CSV (a spreadsheet's \"CSV UTF-8\").")
        : new CcdFileException(kind, name, (e as CsvFormatException)?.LineNumber is > 0 and var at ? at : line, "the row cannot be read as CSV (a quote is not closed, or the row is too long).");

    public static string Describe(string kind) => kind switch
    {
        "lea" => "CCD LEA directory file (ccd_lea_029: LEAID, LEA_NAME, ST...)",
        "schools" => "CCD school directory file (ccd_sch_029: NCESSCH, SCH_NAME, LEAID...)",
        "membership" => "CCD membership file (ccd_lea_052 or ccd_sch_052: LEAID, STUDENT_COUNT, TOTAL_INDICATOR...)",
        _ => "EDGE public LEA geocode file (EDGE_GEOCODE_PUBLICLEA: LEAID, LOCALE, LAT, LON)",
    };
}

/// <summary>A data row: its line in the file, and its fields by column name.</summary>
public sealed class CcdRow(int line, IReadOnlyDictionary<string, int> index, string[] fields)
{
    public int Line => line;

    public bool Has(string column) => index.ContainsKey(column);

    /// <summary>The field, trimmed; null when the column is absent, the field empty, or NCES's missing and not-applicable markers (M, N, -1, -2, -9).</summary>
    public string? this[string column] =>
        index.TryGetValue(column, out var i) && i < fields.Length && fields[i].Trim() is { Length: > 0 } value && value is not ("M" or "N" or "-1" or "-2" or "-9" or "†" or "–")
            ? value : null;
}

/// <summary>A file with a structural error (not UTF-8, a required column missing, unreadable CSV): nothing of the import is kept.</summary>
public sealed class CcdFileException(string kind, string name, long line, string problem) : Exception($"{name} (the {kind} file), line {line}: {problem}")
{
    public string Kind => kind;
    public long Line => line;
}
