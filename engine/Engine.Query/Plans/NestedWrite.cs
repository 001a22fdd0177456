using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Plans;

/// <summary>
/// A write of other records through one relation of the record being written (SPEC §3 nested writes). A to-one
/// <c>connect</c> and <c>disconnect</c> are not nested writes but <see cref="ToOneConnect"/>s: they only set the row's
/// own foreign key. Every nested write of a root field runs in that field's transaction.
/// </summary>
/// <param name="Relation">The relation of the parent record (to-one or to-many).</param>
/// <param name="Target">The resource the relation points at.</param>
/// <param name="Path">Where the operation is in the input (<c>data.comments.create[2]</c>), so errors can name it.</param>
public abstract record NestedWrite(FieldModel Relation, ResourceModel Target, string Path);

/// <summary>
/// <c>create</c>: inserts a target record with id <c>Id</c> (made by the engine unless the input gave one) and relates it
/// to the parent (a to-one points at it; a to-many gains it). <c>Data</c> has no relation back to the parent: the write sets it.
/// </summary>
public sealed record NestedCreate(FieldModel Relation, ResourceModel Target, string Path, Guid Id, WriteData Data)
    : NestedWrite(Relation, Target, Path);

/// <summary>To-many <c>connect</c>: relates the existing target matching a unique filter; NOT_FOUND when none does.</summary>
public sealed record NestedConnect(FieldModel Relation, ResourceModel Target, string Path, Filter Where)
    : NestedWrite(Relation, Target, Path);

/// <summary>To-many <c>set</c>: the relation ends up holding exactly the targets matching the unique filters.</summary>
public sealed record NestedSet(FieldModel Relation, ResourceModel Target, string Path, IReadOnlyList<Filter> Wheres)
    : NestedWrite(Relation, Target, Path);

/// <summary>To-many <c>disconnect</c>: unrelates the related target matching a unique filter; NOT_FOUND when it is not related.</summary>
public sealed record NestedDisconnect(FieldModel Relation, ResourceModel Target, string Path, Filter Where)
    : NestedWrite(Relation, Target, Path);

/// <summary>
/// <c>delete</c>: deletes the related target matching a unique filter (to-many), or the connected target
/// (to-one, <paramref name="Where"/> null); NOT_FOUND when there is none.
/// </summary>
public sealed record NestedDelete(FieldModel Relation, ResourceModel Target, string Path, Filter? Where)
    : NestedWrite(Relation, Target, Path);

/// <summary>
/// <c>update</c>: updates the related target matching a unique filter (to-many), or the connected target (to-one,
/// <paramref name="Where"/> null); NOT_FOUND when there is none. <paramref name="Data"/> may nest further.
/// </summary>
public sealed record NestedUpdate(FieldModel Relation, ResourceModel Target, string Path, Filter? Where, WriteData Data)
    : NestedWrite(Relation, Target, Path);

/// <summary>
/// <c>upsert</c>: updates the related target matching <paramref name="Where"/> (to-many; the connected one for a
/// to-one when null), or creates and relates one when there is none.
/// </summary>
public sealed record NestedUpsert(FieldModel Relation, ResourceModel Target, string Path, Filter? Where, Guid CreateId, WriteData Create, WriteData Update)
    : NestedWrite(Relation, Target, Path);

/// <summary>To-many <c>updateMany</c>: updates every related target matching <paramref name="Where"/> (all when null).</summary>
public sealed record NestedUpdateMany(FieldModel Relation, ResourceModel Target, string Path, Filter? Where, WriteData Data)
    : NestedWrite(Relation, Target, Path);

/// <summary>To-many <c>deleteMany</c>: deletes every related target matching <paramref name="Where"/> (all when null).</summary>
public sealed record NestedDeleteMany(FieldModel Relation, ResourceModel Target, string Path, Filter? Where)
    : NestedWrite(Relation, Target, Path);
