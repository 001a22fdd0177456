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

    /// <summary>
    /// A statement named a column or table the database no longer has: a newer metadata version removed it while the
    /// request ran on the older snapshot. Protocols run the request again once on the newer snapshot; a client only
    /// sees it (as <c>UNAVAILABLE</c>) when that is impossible.
    /// </summary>
    StaleMetadata,
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
        ErrorCode.Unavailable or ErrorCode.StaleMetadata => "UNAVAILABLE",
        _ => "INTERNAL",
    };
}
