using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Operations;
using ConsortiumGraph.PluginHost;

// The content root is the server's own folder, so the built server finds its IDE files, settings
// and plugins wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddConsortiumGraph(builder.Configuration);
if (args is ["plugins" or "tokens" or "schema" or "data" or "apikeys" or "import", ..])
{
    // A command's output is its standard output; logs go to standard error.
    builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
    var command = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
    return command switch
    {
        ["tokens", "demo"] => await DevTokens.RunAsync(builder.Build()),
        ["schema", "export", ..] => await SchemaExport.RunAsync(builder.Build(), args),
        ["schema", "check", ..] => await SchemaCheck.RunAsync(builder.Build(), args),
        ["data", "generate", ..] => await ScaleData.RunAsync(builder.Build(), args),
        ["plugins", ..] => await PluginCommands.RunAsync(builder.Build(), command),
        ["apikeys", "create"] => await ApiKeyCommands.RunAsync(builder.Build(), args),
        ["import", "ccd"] => await ConsortiumGraph.Districts.Import.ImportCommand.RunAsync(builder.Build(), args),
        _ => Usage(),
    };
}

var app = builder.Build();
// The plugin runners start and the core schema is built while the database is checked: neither needs it. The check runs on
// the thread pool, since building the EF Core model (a second of CPU) happens before its first await.
var databaseReady = Task.Run(() => app.Services.InitializeDatabaseAsync());
app.Services.GetRequiredService<LiveSchema>().StartEarly(databaseReady);
await databaseReady;
app.UseConsortiumGraph();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        app.Logger.LogInformation("ConsortiumGraph is serving. IDE: {Address}/graphql (open it in a browser)", address.TrimEnd('/'));
});
await app.RunAsync();
return 0;

static int Usage()
{
    Console.Error.WriteLine($"{PluginCommands.Usage}\n{ApiKeyCommands.Usage}\nusage: ConsortiumGraph.Server tokens demo\n{SchemaExport.Usage}\n{SchemaCheck.Usage}\n{ConsortiumGraph.Districts.Import.ImportCommand.Usage}\nusage: ConsortiumGraph.Server data generate [--scale 1.0] [--seed 2026]");
    return 2;
}

/// <summary>The server's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
