using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Engine.GraphQL.Http;

/// <summary>Content negotiation of GraphQL over HTTP.</summary>
internal static class GraphQLMediaTypes
{
    /// <summary>The GraphQL-over-HTTP response type: parse and validation failures get 400 with it.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The classic response type: every well-formed request gets 200 with it.</summary>
    public const string Json = "application/json";

    /// <summary>A request body that is the query text itself.</summary>
    public const string GraphQL = "application/graphql";

    /// <summary>
    /// The response type to use: <see cref="GraphQLResponse"/> when the client prefers it (quality at least that of
    /// <c>application/json</c>), otherwise <see cref="Json"/> (also when there is no Accept header, as clients that
    /// predate the GraphQL-over-HTTP draft expect).
    /// </summary>
    public static string ResponseType(HttpRequest request)
    {
        var graphQLResponse = Quality(request, GraphQLResponse);
        return graphQLResponse > 0 && graphQLResponse >= Quality(request, Json) ? GraphQLResponse : Json;
    }

    /// <summary>True when the client (a browser) prefers HTML over JSON.</summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        var html = Quality(request, "text/html");
        return html > 0 && html > Math.Max(Quality(request, Json), Quality(request, GraphQLResponse));
    }

    /// <summary>The quality the Accept header gives <paramref name="mediaType"/> by an exact match (wildcards do not count).</summary>
    private static double Quality(HttpRequest request, string mediaType)
    {
        var best = 0.0;
        foreach (var accepted in request.GetTypedHeaders().Accept)
        {
            if (accepted.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            {
                best = Math.Max(best, accepted.Quality ?? 1.0);
            }
        }

        return best;
    }

    /// <summary>True when the request's Content-Type is <paramref name="mediaType"/> (parameters such as charset ignored).</summary>
    public static bool IsContentType(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}
