namespace ConsortiumGraph.Districts.Import;

/// <summary>What an import of the federal directory did (or, on a dry run, would do).</summary>
public sealed class DirectoryImport
{
    public ImportCounts Districts { get; } = new();
    public ImportCounts Schools { get; } = new();
    public List<RejectedRow> RejectedRows { get; } = [];
    /// <summary>Data rows read across every file given (membership files have many per school).</summary>
    public int RowsRead { get; set; }
    public double Seconds { get; set; }
    public double RowsPerSecond => Seconds > 0 ? Math.Round(RowsRead / Seconds) : RowsRead;
    public bool DryRun { get; init; }

    public void Reject(string file, int line, string? id, string reason) => RejectedRows.Add(new RejectedRow(file, line, id, reason));
}

/// <summary>Directory entries of one kind: how many the import created, changed, found as they were, or refused.</summary>
public sealed class ImportCounts
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
}

/// <summary>A row the import refused, and why; the other rows were imported.</summary>
public sealed record RejectedRow(string File, int Line, string? Id, string Reason);
