using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Grpc.Listing;

/// <summary>
/// Parses the <c>filter</c> of a List or Watch request (SPEC §4, a subset of AIP-160) into a <see cref="Filter"/>.
/// Precedence follows the AIP-160 grammar, where OR binds tighter than AND: <c>a AND b OR c</c> is
/// <c>a AND (b OR c)</c>; NOT (or <c>-</c>) applies to one comparison or parenthesised group. Names are the
/// protobuf field names; dotted paths walk to-one relations (<c>customer.name</c>).
/// </summary>
public static class FilterParser
{
    /// <summary>The longest filter accepted, in characters.</summary>
    public const int MaxLength = 8192;

    /// <summary>How deep parentheses may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>The protobuf name of the request field violations point at.</summary>
    public const string FieldName = "filter";

    /// <summary>
    /// The filter <paramref name="filter"/> expresses over rows of <paramref name="resource"/> (null when it is empty),
    /// or the violations that make it unusable. Never throws on bad input.
    /// </summary>
    public static (Filter? Filter, IReadOnlyList<FieldViolation> Errors) Parse(string filter, ResourceModel resource, SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(model);
        if (filter.Length > MaxLength)
        {
            return (null, [new FieldViolation(FieldName, $"The filter is {filter.Length} characters long; at most {MaxLength} are allowed.")]);
        }

        var tokens = new List<FilterToken>();
        if (!FilterLexer.TryTokenize(filter, tokens, out var error))
        {
            return (null, [new FieldViolation(FieldName, error!)]);
        }

        var reader = new FilterReader(tokens, resource, model);
        var result = reader.ReadFilter();
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (result, []);
    }
}
