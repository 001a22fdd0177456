using System.Diagnostics;
using Engine.Runtime.Diagnostics;
using Grpc.Core;

namespace Engine.Grpc.Diagnostics;

/// <summary>
/// Traces and metrics of gRPC calls. A call is an HTTP/2 request, so its span is the ASP.NET Core request span: this
/// tags it with the RPC service and method and the resource; the shared <see cref="RequestMetrics"/> count the call
/// and its errors (by status code).
/// </summary>
internal static class GrpcTelemetry
{
    /// <summary>The <c>protocol</c> tag of gRPC calls and Watch streams.</summary>
    public const string Protocol = "grpc";

    /// <summary>Tags the current request span (when traced) with the call's service, method and resource.</summary>
    public static void Started(ServerCallContext context, string resource)
    {
        if (Activity.Current is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        // context.Method is "/package.Service/Method".
        var method = context.Method;
        var slash = method.LastIndexOf('/');
        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", slash > 0 ? method[1..slash] : method);
        activity.SetTag("rpc.method", method[(slash + 1)..]);
        activity.SetTag("engine.resource", resource);
    }

    /// <summary>Records a finished call of <paramref name="operation"/> (<c>Get</c>, <c>List</c>, ...) and its error status, if any.</summary>
    public static void Finished(string resource, string operation, long started, StatusCode? failure)
    {
        RequestMetrics.Served(Protocol, resource, operation, started);
        if (failure is { } code)
        {
            RequestMetrics.Error(Protocol, StatusName(code));
            Activity.Current?.SetStatus(ActivityStatusCode.Error, StatusName(code));
        }
    }

    /// <summary>The gRPC status code's canonical name (<c>NOT_FOUND</c>), without allocating.</summary>
    public static string StatusName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "UNKNOWN",
    };
}
