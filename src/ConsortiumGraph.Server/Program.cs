using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;

// The content root is the server's own folder, so the built server finds its IDE files and
// settings wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddConsortiumGraph(builder.Configuration);

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseStaticFiles();
app.MapConsortiumGraph();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        app.Logger.LogInformation("ConsortiumGraph is serving. IDE: {Address}/graphql (open it in a browser)", address.TrimEnd('/'));
});
app.Run();

/// <summary>The server's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
