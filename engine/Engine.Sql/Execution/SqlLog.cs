using Microsoft.Extensions.Logging;

namespace Engine.Sql.Execution;

/// <summary>Log messages of the SQL executor, with stable event ids.</summary>
internal static partial class SqlLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Statement for root field '{Key}' failed unexpectedly (SQLSTATE {SqlState})")]
    public static partial void UnexpectedDatabaseError(ILogger logger, string key, string? sqlState, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Database unavailable while running root field '{Key}'")]
    public static partial void DatabaseUnavailable(ILogger logger, string key, Exception exception);
}
