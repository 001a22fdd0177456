namespace Engine.Grpc.Listing;

/// <summary>The kinds of token a <c>filter</c> is made of.</summary>
internal enum FilterTokenKind
{
    /// <summary>A name: a field, <c>AND</c>, <c>OR</c>, <c>NOT</c>, <c>true</c>, <c>false</c>, <c>null</c> or a bare enum value.</summary>
    Identifier,

    /// <summary>A double-quoted string; <see cref="FilterToken.Text"/> holds it unescaped.</summary>
    String,

    /// <summary>An unsigned number: digits, an optional fraction and an optional exponent.</summary>
    Number,
    Dot,
    LeftParen,
    RightParen,

    /// <summary>One of <c>= != &lt; &lt;= &gt; &gt;=</c> or <c>:</c>; <see cref="FilterToken.Text"/> holds it.</summary>
    Operator,

    /// <summary><c>-</c>: NOT before a term, a sign before a number.</summary>
    Minus,
    End,
}

/// <summary>One token of a <c>filter</c> and its 0-based character offset.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Offset)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "the end of the filter",
        FilterTokenKind.String => "a string",
        FilterTokenKind.Number => $"the number {Text}",
        _ => $"'{Text}'",
    };

    /// <summary>True for the identifier <paramref name="keyword"/> (keywords are case-sensitive, as in AIP-160).</summary>
    public bool Is(string keyword) => Kind == FilterTokenKind.Identifier && Text == keyword;
}
