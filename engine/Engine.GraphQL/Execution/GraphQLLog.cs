using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.Execution;

/// <summary>The GraphQL executor's log messages, with stable event ids.</summary>
internal static partial class GraphQLLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "GraphQL root field {Key} failed unexpectedly")]
    public static partial void FieldFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "GraphQL request failed unexpectedly")]
    public static partial void RequestFailed(ILogger logger, Exception exception);
}
