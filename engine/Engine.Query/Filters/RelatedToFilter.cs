using Engine.Metadata.Model;

namespace Engine.Query.Filters;

/// <summary>
/// The rows of a to-many relation's target that the record <paramref name="ParentId"/> holds through
/// <paramref name="Relation"/> (its children of a one-to-many, its links of a many-to-many). Nested writes scope
/// their <c>where</c> with it, so they can only touch records of the parent being written.
/// </summary>
public sealed record RelatedToFilter(FieldModel Relation, Guid ParentId) : Filter;
