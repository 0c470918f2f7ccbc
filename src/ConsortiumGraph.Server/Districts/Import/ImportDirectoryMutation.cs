using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Districts.Import;

public static class ImportDirectoryMutation
{
    /// <summary>
    /// <c>importDirectory</c>: the command line's import, through the API, with uploaded files. Its own resolver, since
    /// it saves in batches inside its own transaction (a national file does not fit one change set) and answers
    /// a dry run with counts; it audits every row as every mutation does.
    /// </summary>
    public static void AddImportDirectory(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ImportDirectoryPayloadType>>("importDirectory")
            .Description("Imports districts and schools from NCES Common Core of Data files (upserted by LEAID and NCESSCH; importing the same files twice changes nothing). "
                + "Rows that break a rule are rejected with their line and reason, the others imported; a file with a structural error (a required column missing, not UTF-8) keeps nothing. Platform admins only.")
            .AuthorizeWithRoles(Readers.Platform)
            .Argument<NonNullGraphType<InputType<ImportDirectoryInput>>>("input")
            .DryRunArgument()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ImportDirectoryInput>("input");
                var services = context.RequestServices!;
                var caller = await services.GetRequiredService<RequestCaller>().GetAsync(context.CancellationToken);
                await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(context.CancellationToken);
                caller.Apply(db);
                CcdFile? File(UploadedFile? file, string kind) => file is null ? null : new CcdFile(kind, file.FileName, file.OpenRead);
                var operation = context.Operation.Name is { } name ? $"importDirectory in {name.StringValue}" : "importDirectory";
                try
                {
                    var result = await CcdImport.RunAsync(db, new CcdImport.Files(File(input.Lea, "lea")!, File(input.Schools, "schools"), File(input.Membership, "membership"), File(input.Geocodes, "geocodes")),
                        caller, operation, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, context.GetArgument<bool>("dryRun"), context.CancellationToken);
                    return new Payload<DirectoryImport>(result, [], []);
                }
                catch (CcdFileException e)
                {
                    return new Payload<DirectoryImport>(null, [new ValidationError($"Nothing was imported. {e.Message}", "INVALID_FILE", ["input", e.Kind switch { "lea" => "lea", "schools" => "schools", "membership" => "membership", _ => "geocodes" }])], []);
                }
            });
    }
}
