namespace Engine.Query.Context;

/// <summary>
/// Who is asking: flows from the HTTP/gRPC layer into planning so that access rules can be compiled into SQL
/// predicates (issue 6) without reshaping the pipeline.
/// </summary>
/// <param name="Subject">The caller's <c>sub</c> claim; null when anonymous.</param>
/// <param name="Roles">The caller's roles (<c>anonymous</c> when no token was sent).</param>
/// <param name="Claims">Every claim of the token, for <c>$claims.&lt;name&gt;</c> in row filters.</param>
public sealed record RequestContext(string? Subject, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, string> Claims)
{
    /// <summary>The role of a request without a token.</summary>
    public const string AnonymousRole = "anonymous";

    /// <summary>The role that may do everything.</summary>
    public const string AdminRole = "admin";

    /// <summary>A caller without a token.</summary>
    public static readonly RequestContext Anonymous = new(null, [AnonymousRole], new Dictionary<string, string>());

    /// <summary>An internal caller with the admin role (tools, the samples loader, tests).</summary>
    public static readonly RequestContext System = new("system", [AdminRole], new Dictionary<string, string>());

    /// <summary>True when the caller has the admin role.</summary>
    public bool IsAdmin => Roles.Contains(AdminRole, StringComparer.Ordinal);
}
