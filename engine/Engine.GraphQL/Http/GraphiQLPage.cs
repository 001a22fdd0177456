namespace Engine.GraphQL.Http;

/// <summary>
/// The GraphiQL IDE served to browsers at <c>GET /graphql</c>. The browser loads GraphiQL 3 and React 18 from a CDN;
/// the page points GraphiQL at the URL it was served from.
/// </summary>
internal static class GraphiQLPage
{
    /// <summary>The page's HTML.</summary>
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Engine GraphiQL</title>
          <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
          <link rel="stylesheet" href="https://unpkg.com/graphiql@3/graphiql.min.css" crossorigin="anonymous">
        </head>
        <body>
          <div id="graphiql">Loading GraphiQL…</div>
          <script src="https://unpkg.com/react@18/umd/react.production.min.js" crossorigin="anonymous"></script>
          <script src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js" crossorigin="anonymous"></script>
          <script src="https://unpkg.com/graphiql@3/graphiql.min.js" crossorigin="anonymous"></script>
          <script>
            const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
            ReactDOM.createRoot(document.getElementById('graphiql')).render(
              React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
          </script>
        </body>
        </html>
        """;
}
