using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Engine.Metadata.Model;

namespace Engine.Query.Validation;

/// <summary>
/// The compiled <c>pattern</c> of each string field (Singleline, because PostgreSQL's <c>.</c> matches a newline too), built on first use and kept as long as the field's model
/// (its snapshot) lives, so no request ever constructs a <see cref="Regex"/>.
/// </summary>
internal static class FieldPatterns
{
    /// <summary>Bounds a pathological pattern's run time; the database CHECK still guards the value.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly ConditionalWeakTable<FieldModel, Regex> Compiled = [];

    /// <summary>True when <paramref name="value"/> matches the field's pattern anywhere (as PostgreSQL's <c>~</c> does).</summary>
    /// <exception cref="RegexMatchTimeoutException">The pattern took too long on this value.</exception>
    public static bool Matches(FieldModel field, string value) =>
        Compiled.GetValue(field, static f => new Regex(f.Pattern!, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout))
            .IsMatch(value);
}
