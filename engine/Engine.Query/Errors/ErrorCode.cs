namespace Engine.Query.Errors;

/// <summary>The error codes every protocol reports (GraphQL <c>extensions.code</c>; gRPC maps them to status codes).</summary>
public enum ErrorCode
{
    BadUserInput,
    NotFound,
    UniqueViolation,
    ForeignKeyViolation,
    Forbidden,
    Unauthenticated,
    Unavailable,
    Internal,
}

/// <summary>The wire names of <see cref="ErrorCode"/> (SPEC §3).</summary>
public static class ErrorCodes
{
    /// <summary><see cref="ErrorCode.BadUserInput"/> → <c>BAD_USER_INPUT</c>, and so on.</summary>
    public static string Name(ErrorCode code) => code switch
    {
        ErrorCode.BadUserInput => "BAD_USER_INPUT",
        ErrorCode.NotFound => "NOT_FOUND",
        ErrorCode.UniqueViolation => "UNIQUE_VIOLATION",
        ErrorCode.ForeignKeyViolation => "FOREIGN_KEY_VIOLATION",
        ErrorCode.Forbidden => "FORBIDDEN",
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.Unavailable => "UNAVAILABLE",
        _ => "INTERNAL",
    };
}
