namespace Engine.Query.Access;

/// <summary>
/// <c>$claims.&lt;name&gt;</c> where a rule's filter holds a value: replaced by the caller's claim, coerced to the
/// field's type, before the filter leaves <see cref="AccessPolicy"/>.
/// </summary>
/// <param name="Name">The claim's name (<c>tenant</c> for <c>$claims.tenant</c>).</param>
internal sealed record ClaimReference(string Name)
{
    /// <summary>The prefix that marks a value as a claim reference.</summary>
    public const string Prefix = "$claims.";
}
