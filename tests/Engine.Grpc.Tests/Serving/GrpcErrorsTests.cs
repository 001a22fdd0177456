using Engine.Grpc.Serving;
using Engine.Query.Errors;
using Google.Rpc;
using Grpc.Core;

namespace Engine.Grpc.Tests.Serving;

public class GrpcErrorsTests
{
    [Theory]
    [InlineData(ErrorCode.NotFound, StatusCode.NotFound)]
    [InlineData(ErrorCode.UniqueViolation, StatusCode.AlreadyExists)]
    [InlineData(ErrorCode.ForeignKeyViolation, StatusCode.FailedPrecondition)]
    [InlineData(ErrorCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(ErrorCode.Unauthenticated, StatusCode.Unauthenticated)]
    [InlineData(ErrorCode.Unavailable, StatusCode.Unavailable)]
    [InlineData(ErrorCode.BadUserInput, StatusCode.InvalidArgument)]
    [InlineData(ErrorCode.Internal, StatusCode.Internal)]
    public void From_EngineError_HasTheSpecStatus(ErrorCode code, StatusCode expected) =>
        Assert.Equal(expected, GrpcErrors.From(new EngineError(code, "why")).StatusCode);

    [Fact]
    public void From_Internal_HidesTheDetail()
    {
        var exception = GrpcErrors.From(new EngineError(ErrorCode.Internal, "relation data.x does not exist"));
        Assert.Equal(GrpcErrors.InternalMessage, exception.Status.Detail);
    }

    [Fact]
    public void From_BadUserInput_NamesTheFieldAsAViolation()
    {
        var exception = GrpcErrors.From(new EngineError(ErrorCode.BadUserInput, "must be at most 12 characters", "data.sku"));
        var violation = Assert.Single(exception.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("data.sku", "must be at most 12 characters"), (violation.Field, violation.Description));
    }

    [Fact]
    public void InvalidArgument_CarriesEveryViolationInTheStatusDetails()
    {
        var exception = GrpcErrors.InvalidArgument([new FieldViolation("filter", "bad at 3"), new FieldViolation("page_size", "negative")]);
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("filter: bad at 3; page_size: negative", exception.Status.Detail);
        Assert.Equal(["filter", "page_size"], exception.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
