using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;

// The content root is the server's own folder, so the built server finds its IDE files, settings
// and plugins wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddConsortiumGraph(builder.Configuration);
var command = PluginCommands.Command(args);
if (command is not null)
{
    // A command's output is its standard output; logs go to standard error.
    builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
    return await PluginCommands.RunAsync(builder.Build(), command);
}

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseStaticFiles();
app.MapConsortiumGraph();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        app.Logger.LogInformation("ConsortiumGraph is serving. IDE: {Address}/graphql (open it in a browser)", address.TrimEnd('/'));
});
await app.RunAsync();
return 0;

/// <summary>The server's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
