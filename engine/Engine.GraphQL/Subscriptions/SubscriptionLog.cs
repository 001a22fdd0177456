using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.Subscriptions;

/// <summary>The subscription and WebSocket transport's log messages, with stable event ids.</summary>
internal static partial class SubscriptionLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Reading the node of a {Resource} event for subscription {Id} failed unexpectedly")]
    public static partial void NodeReadFailed(ILogger logger, string resource, string id, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Subscription {Id} to {Resource} events failed unexpectedly")]
    public static partial void SubscriptionFailed(ILogger logger, string id, string resource, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "GraphQL operation {Id} over WebSocket failed unexpectedly")]
    public static partial void OperationFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "GraphQL WebSocket closed with {Code}: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, int code, string reason);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "GraphQL WebSocket connection ended")]
    public static partial void ConnectionEnded(ILogger logger, Exception exception);
}
