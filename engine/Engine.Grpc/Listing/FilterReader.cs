using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Grpc.Listing;

/// <summary>
/// The recursive-descent reader behind <see cref="FilterParser"/>, one per parse. AIP-160's grammar, less
/// sequences, functions and global restrictions:
/// <code>
/// filter      : [expression]
/// expression  : factor {AND factor}
/// factor      : term {OR term}
/// term        : [NOT | -] simple
/// simple      : restriction | ( expression )
/// restriction : name {. name} op value
/// </code>
/// A syntax error stops the reader; an unknown field or an unfitting value is recorded and reading goes on, so one
/// response lists every such mistake.
/// </summary>
internal sealed class FilterReader(List<FilterToken> tokens, ResourceModel resource, SchemaModel model)
{
    private readonly List<FieldViolation> errors = [];
    private RestrictionBinder? binder;
    private int next;
    private bool stopped;

    /// <summary>What made the filter unusable, in order of offset.</summary>
    public List<FieldViolation> Errors => errors;

    /// <summary>The token at hand; the end token once reading has passed it.</summary>
    private FilterToken Current => tokens[Math.Min(next, tokens.Count - 1)];

    /// <summary>Reads the whole filter; null when it is empty or wrong.</summary>
    public Filter? ReadFilter()
    {
        if (Current.Kind == FilterTokenKind.End)
        {
            return null;
        }

        var filter = ReadExpression(0);
        if (!stopped && Current.Kind != FilterTokenKind.End)
        {
            Stop(Current.Kind == FilterTokenKind.RightParen
                ? $"Offset {Current.Offset}: ')' has no matching '('."
                : $"Offset {Current.Offset}: expected AND, OR or the end of the filter, found {Current.Describe()}.");
        }

        return filter;
    }

    private Filter? ReadExpression(int depth)
    {
        var first = ReadFactor(depth);
        if (!Current.Is("AND"))
        {
            return first;
        }

        var items = new List<Filter?> { first };
        while (!stopped && Current.Is("AND"))
        {
            next++;
            items.Add(ReadFactor(depth));
        }

        return Combine(items, and: true);
    }

    private Filter? ReadFactor(int depth)
    {
        var first = ReadTerm(depth);
        if (!Current.Is("OR"))
        {
            return first;
        }

        var items = new List<Filter?> { first };
        while (!stopped && Current.Is("OR"))
        {
            next++;
            items.Add(ReadTerm(depth));
        }

        return Combine(items, and: false);
    }

    private Filter? ReadTerm(int depth)
    {
        if (stopped)
        {
            return null;
        }

        if (Current.Is("NOT") || Current.Kind == FilterTokenKind.Minus)
        {
            next++;
            var inner = ReadSimple(depth);
            return inner is null ? null : new NotFilter(inner);
        }

        return ReadSimple(depth);
    }

    private Filter? ReadSimple(int depth)
    {
        if (stopped)
        {
            return null;
        }

        if (Current.Kind != FilterTokenKind.LeftParen)
        {
            return ReadRestriction();
        }

        var open = Current;
        if (depth == FilterParser.MaxDepth)
        {
            Stop($"Offset {open.Offset}: parentheses nest deeper than {FilterParser.MaxDepth} levels.");
            return null;
        }

        next++;
        if (Current.Kind == FilterTokenKind.RightParen)
        {
            Stop($"Offset {open.Offset}: empty parentheses; expected a condition inside.");
            return null;
        }

        var inner = ReadExpression(depth + 1);
        if (!stopped && Current.Kind != FilterTokenKind.RightParen)
        {
            Stop($"Offset {Current.Offset}: expected ')' to close the '(' at offset {open.Offset}, found {Current.Describe()}.");
            return null;
        }

        next++;
        return inner;
    }

    private Filter? ReadRestriction()
    {
        var path = new List<FilterToken>(2);
        if (!TryName("a field name", out var head))
        {
            return null;
        }

        path.Add(head);
        while (Current.Kind == FilterTokenKind.Dot)
        {
            next++;
            if (!TryName($"a field name after '{head.Text}.'", out var segment))
            {
                return null;
            }

            path.Add(segment);
        }

        var pathText = string.Join('.', path.Select(p => p.Text));
        if (Current.Kind != FilterTokenKind.Operator)
        {
            Stop($"Offset {Current.Offset}: expected an operator (= != < <= > >= :) after '{pathText}', found {Current.Describe()}.");
            return null;
        }

        var op = Current;
        next++;
        var negative = Current.Kind == FilterTokenKind.Minus && tokens[next + 1] is { Kind: FilterTokenKind.Number } number
            && number.Offset == Current.Offset + 1;
        if (negative)
        {
            next++;
        }

        if (Current.Kind is not (FilterTokenKind.String or FilterTokenKind.Number or FilterTokenKind.Identifier)
            || Current.Is("AND") || Current.Is("OR") || Current.Is("NOT"))
        {
            Stop($"Offset {Current.Offset}: expected a value after '{op.Text}', found {Current.Describe()}.");
            return null;
        }

        var value = Current;
        next++;
        binder ??= new RestrictionBinder(resource, model, errors);
        return binder.Bind(path, pathText, op, value, negative);
    }

    private bool TryName(string expected, out FilterToken name)
    {
        name = Current;
        if (Current.Kind != FilterTokenKind.Identifier || Current.Is("AND") || Current.Is("OR") || Current.Is("NOT"))
        {
            Stop($"Offset {Current.Offset}: expected {expected}, found {Current.Describe()}.");
            return false;
        }

        next++;
        return true;
    }

    /// <summary>AND or OR of the items read; a null item (a recorded mistake) leaves the result unused anyway.</summary>
    private static Filter? Combine(List<Filter?> items, bool and)
    {
        var present = items.OfType<Filter>().ToArray();
        return and ? new AndFilter(present) : new OrFilter(present);
    }

    private void Stop(string description)
    {
        errors.Add(new FieldViolation(FilterParser.FieldName, description));
        stopped = true;
    }
}
