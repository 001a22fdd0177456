using Engine.Query.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Engine.Grpc.Serving;

/// <summary>Turns request violations and <see cref="EngineError"/>s into the status codes of SPEC §4.</summary>
public static class GrpcErrors
{
    /// <summary>The message of INTERNAL: the detail is logged, never sent.</summary>
    public const string InternalMessage = "internal error";

    /// <summary>INVALID_ARGUMENT with a <c>google.rpc.BadRequest</c> listing <paramref name="violations"/>.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var badRequest = new BadRequest();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        }

        var message = violations.Count == 0
            ? "invalid argument"
            : string.Join("; ", violations.Select(v => v.Field.Length == 0 ? v.Description : v.Field + ": " + v.Description));
        return new RpcStatus { Code = (int)Code.InvalidArgument, Message = message, Details = { Any.Pack(badRequest) } }.ToRpcException();
    }

    /// <summary>
    /// The status of an engine error; <see cref="ErrorCode.Internal"/> keeps its detail out of the response (the caller
    /// logs it).
    /// </summary>
    public static RpcException From(EngineError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            ErrorCode.BadUserInput => InvalidArgument([new FieldViolation(error.Field ?? string.Empty, error.Message)]),
            ErrorCode.NotFound => new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, error.Message)),
            ErrorCode.UniqueViolation => new RpcException(new global::Grpc.Core.Status(StatusCode.AlreadyExists, error.Message)),
            ErrorCode.ForeignKeyViolation => new RpcException(new global::Grpc.Core.Status(StatusCode.FailedPrecondition, error.Message)),
            ErrorCode.Forbidden => new RpcException(new global::Grpc.Core.Status(StatusCode.PermissionDenied, error.Message)),
            ErrorCode.Unauthenticated => new RpcException(new global::Grpc.Core.Status(StatusCode.Unauthenticated, error.Message)),
            ErrorCode.Unavailable or ErrorCode.StaleMetadata => new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, error.Message)),
            _ => new RpcException(new global::Grpc.Core.Status(StatusCode.Internal, InternalMessage)),
        };
    }
}
