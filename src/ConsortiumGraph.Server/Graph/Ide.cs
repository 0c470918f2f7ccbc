using System.Net;

namespace ConsortiumGraph.Graph;

/// <summary>The in-browser IDE: GraphiQL served from the server's own files (wwwroot/ide), never from a CDN.</summary>
public static class Ide
{
    /// <param name="endpoint">The GraphQL endpoint the IDE sends queries to, e.g. /graphql.</param>
    public static IResult Page(string endpoint) =>
        Results.Content(Html(WebUtility.HtmlEncode(endpoint.TrimEnd('/'))), "text/html; charset=utf-8");

    private const string DefaultQuery = """
        # Welcome to ConsortiumGraph. Press the run button (or Ctrl+Enter).
        query Dashboard {
          consortia {
            name
            sharedGoal
            partnerships(first: 5, where: { status: [ACTIVE] }) {
              totalCount
              nodes {
                name
                kind
                members { role district { name state } }
                commitments(first: 3) { nodes { title status dueOn district { name } } }
              }
            }
          }
        }
        """;

    private static string Html(string endpoint) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>ConsortiumGraph IDE</title>
          <link rel="stylesheet" href="/ide/graphiql.min.css">
          <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
        </head>
        <body>
          <div id="graphiql">Loading the ConsortiumGraph IDE…</div>
          <script src="/ide/react.production.min.js"></script>
          <script src="/ide/react-dom.production.min.js"></script>
          <script src="/ide/graphiql.min.js"></script>
          <script>
            const fetcher = GraphiQL.createFetcher({ url: '{{endpoint}}' });
            const root = ReactDOM.createRoot(document.getElementById('graphiql'));
            root.render(React.createElement(GraphiQL, {
              fetcher,
              defaultQuery: {{System.Text.Json.JsonSerializer.Serialize(DefaultQuery)}},
              shouldPersistHeaders: true,
            }));
          </script>
        </body>
        </html>
        """;
}
