using System.Text.Json;
using Engine.Query.Errors;
using Microsoft.AspNetCore.Http;

namespace Engine.Auth.Validation;

/// <summary>
/// Refusals in each protocol's own shape: gRPC status <c>UNAUTHENTICATED</c>, a GraphQL error with
/// <c>extensions.code</c>, or the metadata API's <c>{"errors":[{"path","message"}]}</c>.
/// </summary>
internal static class UnauthenticatedResponses
{
    private const string GraphQLPath = "/graphql";

    /// <summary>Writes a 401 (or 403 when <paramref name="forbidden"/>) with <paramref name="message"/>.</summary>
    public static Task WriteAsync(HttpContext http, string message, bool forbidden = false)
    {
        var response = http.Response;
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A trailers-only gRPC response: HTTP 200 whose headers carry the status.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = forbidden ? "7" : "16";
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return Task.CompletedTask;
        }

        response.StatusCode = forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (!forbidden)
        {
            response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        var code = ErrorCodes.Name(forbidden ? ErrorCode.Forbidden : ErrorCode.Unauthenticated);
        object body = http.Request.Path.StartsWithSegments(GraphQLPath, StringComparison.OrdinalIgnoreCase)
            ? new { errors = new[] { new { message, extensions = new { code } } } }
            : new { errors = new[] { new { path = "", message } } };
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }
}
