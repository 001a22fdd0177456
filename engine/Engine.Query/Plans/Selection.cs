using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Plans;

/// <summary>The shape of one object in the response: its keys in order, each bound to what fills it.</summary>
public sealed record Selection(IReadOnlyList<SelectionItem> Items);

/// <summary>One key of a selected object; <see cref="Key"/> is the response key (the alias, or the field name).</summary>
public abstract record SelectionItem(string Key);

/// <summary>A scalar field (system fields and to-one FK ids included).</summary>
public sealed record ScalarSelection(string Key, FieldModel Field) : SelectionItem(Key);

/// <summary><c>__typename</c>: a constant.</summary>
public sealed record TypenameSelection(string Key, string TypeName) : SelectionItem(Key);

/// <summary>A to-one relation: the target object, or null.</summary>
public sealed record ToOneSelection(string Key, FieldModel Relation, ResourceModel Target, Selection Selection) : SelectionItem(Key)
{
    /// <summary>The target rows the caller may read (access rules); a target outside it reads as null. Null for all rows.</summary>
    public Filter? Where { get; init; }
}

/// <summary>A to-many relation: a list of target objects, filtered, sorted and paged by <see cref="Arguments"/>.</summary>
public sealed record ToManySelection(string Key, FieldModel Relation, ResourceModel Target, ListArguments Arguments, Selection Selection)
    : SelectionItem(Key);
