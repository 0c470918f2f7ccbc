using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Districts.Import;

public sealed class DirectoryImportType : ObjectType<DirectoryImport>
{
    public DirectoryImportType()
    {
        Name = "DirectoryImport";
        Description = "What an import of the federal directory did, or on a dry run would do.";
        this.AuthorizeWithRoles(Readers.Platform);
        Field<NonNullGraphType<ImportCountsType>>("districts").Description("Districts, by LEAID.").Resolve(c => c.Source.Districts);
        Field<NonNullGraphType<ImportCountsType>>("schools").Description("Schools, by NCESSCH; all zero without a school file.").Resolve(c => c.Source.Schools);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RejectedRowType>>>>("rejectedRows").Description("Each row refused, with its line and why; the other rows were imported.")
            .Resolve(c => c.Source.RejectedRows);
        Field(i => i.RowsRead).Description("Data rows read across the files (a membership file has many per school).");
        Field(i => i.RowsPerSecond).Description("Rows read per second of the whole import.");
        Field(i => i.DryRun).Description("True when nothing was kept: the counts say what the import would do.");
    }
}

public sealed class ImportCountsType : ObjectType<ImportCounts>
{
    public ImportCountsType()
    {
        Name = "ImportCounts";
        Description = "Directory entries of one kind an import created, changed, found as they were, or refused.";
        this.AuthorizeWithRoles(Readers.Platform);
        Field(c => c.Created).Description("New entries.");
        Field(c => c.Updated).Description("Entries whose name, state, locale, location, enrollment or district changed.");
        Field(c => c.Unchanged).Description("Entries already as the files say.");
        Field(c => c.Rejected).Description("Rows refused (see `rejectedRows`).");
    }
}

public sealed class RejectedRowType : ObjectType<RejectedRow>
{
    public RejectedRowType()
    {
        Name = "RejectedRow";
        Description = "A row an import refused.";
        this.AuthorizeWithRoles(Readers.Platform);
        Field(r => r.File).Description("Which file: lea, schools, membership or geocodes.");
        Field(r => r.Line).Description("Its line in the file (the header is line 1).");
        Field(r => r.Id, nullable: true).Description("The federal id on the row, when it has one.");
        Field(r => r.Reason).Description("Why it was refused, and what to do.");
    }
}

public sealed class ImportDirectoryPayloadType : ObjectType<Graph.Payload<DirectoryImport>>
{
    public ImportDirectoryPayloadType()
    {
        Name = "ImportDirectoryPayload";
        Description = "The result of importDirectory: `import` when the files were read (on a dry run too), `errors` when a file has a structural error (then nothing was kept).";
        this.AuthorizeWithRoles(Readers.Platform);
        Field<DirectoryImportType>("import").Description("The counts and rejected rows.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Graph.UserErrorInterface>>>>("errors")
            .Description("Why nothing was imported; empty on success.").Resolve(c => c.Source.Errors);
    }
}
