using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>
/// Replaces the <see cref="ClaimReference"/>s of a rule template by the caller's claims, coerced to each field's type.
/// Only the nodes on the way to a claim are rebuilt; the rest of the template is shared.
/// </summary>
internal static class ClaimSubstitution
{
    /// <summary>
    /// The template with claims filled in; null when a claim is missing or does not fit its field, which makes the
    /// whole rule match nothing (never a comparison with NULL, which under NOT would match everything).
    /// </summary>
    public static Filter? Apply(Filter template, IReadOnlyDictionary<string, string> claims)
    {
        try
        {
            return Substitute(template, claims);
        }
        catch (MissingClaimException)
        {
            return null;
        }
    }

    private static Filter Substitute(Filter filter, IReadOnlyDictionary<string, string> claims) => filter switch
    {
        AndFilter and => new AndFilter(and.Items.Select(item => Substitute(item, claims)).ToArray()),
        OrFilter or => new OrFilter(or.Items.Select(item => Substitute(item, claims)).ToArray()),
        NotFilter not => new NotFilter(Substitute(not.Inner, claims)),
        ComparisonFilter { Value: ClaimReference claim } comparison => comparison with { Value = Coerce(comparison.Field, claim, claims) },
        InFilter list when list.Values.Any(v => v is ClaimReference) =>
            list with { Values = list.Values.Select(v => v is ClaimReference c ? Coerce(list.Field, c, claims) : v).ToArray() },
        ClaimMatchFilter match => new StringMatchFilter(match.Field, match.Operator, Text(match.Claim, claims), match.Negated),
        ToOneFilter toOne => toOne with { Inner = Substitute(toOne.Inner, claims) },
        ToManyFilter toMany => toMany with { Inner = Substitute(toMany.Inner, claims) },
        _ => filter,
    };

    private static object Coerce(Metadata.Model.FieldModel field, ClaimReference claim, IReadOnlyDictionary<string, string> claims) =>
        AccessValues.TryCoerce(field, Text(claim, claims), out var value) ? value! : throw new MissingClaimException();

    private static string Text(ClaimReference claim, IReadOnlyDictionary<string, string> claims) =>
        claims.TryGetValue(claim.Name, out var text) ? text : throw new MissingClaimException();

    /// <summary>A claim the template needs is absent or does not fit its field.</summary>
    private sealed class MissingClaimException : Exception;
}
