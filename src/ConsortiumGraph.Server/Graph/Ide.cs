using System.Net;

namespace ConsortiumGraph.Graph;

/// <summary>The in-browser IDE: GraphiQL served from the server's own files (wwwroot/ide), never from a CDN.</summary>
public static class Ide
{
    /// <param name="endpoint">The GraphQL endpoint the IDE sends queries to, e.g. /graphql.</param>
    public static IResult Page(string endpoint) =>
        Results.Content(Html(WebUtility.HtmlEncode(endpoint.TrimEnd('/'))), "text/html; charset=utf-8");

    /// <summary>The query the IDE opens with: one anyone may run, with how to sign in for the rest.</summary>
    public const string DefaultQuery = """
        # Welcome to ConsortiumGraph. Press the run button (or Ctrl+Enter).
        #
        # Without credentials you read the public directory: consortia, districts, schools and
        # partnership names. To read and change more, sign in: on a development server open
        # /dev/tokens, copy a demo user's token, and paste {"Authorization": "Bearer <token>"}
        # into the Headers tab below. Then try members, commitments and decisions, e.g.
        # partnerships { nodes { members { role district { name } } commitments(first: 3) { nodes { title status } } } }
        # The Docs panel (top left) lists every type and field.
        query Directory {
          consortia {
            name
            partnerships(first: 5, where: { status: [ACTIVE] }) {
              totalCount
              nodes { name kind status }
            }
          }
        }
        """;

    /// <summary>The IDE's icon, also answered at /favicon.ico so browsers find one.</summary>
    public const string Icon = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4e89"/><circle cx="10" cy="11" r="4" fill="#fff"/><circle cx="22" cy="11" r="4" fill="#fff"/><circle cx="16" cy="22" r="4" fill="#fff"/><path d="M10 11L22 11L16 22Z" fill="none" stroke="#fff" stroke-width="2"/></svg>""";

    private static string Html(string endpoint) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>ConsortiumGraph IDE</title>
          <link rel="icon" href="/favicon.ico" type="image/svg+xml">
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
