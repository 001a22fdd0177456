using Engine.Metadata.Model;

namespace Engine.GraphQL.Schema;

/// <summary>Ties an output field to what the planner does with it.</summary>
public abstract record FieldBinding;

/// <summary>A field of a resource's object type: a scalar, a to-one or a to-many relation.</summary>
public sealed record ResourceFieldBinding(ResourceModel Resource, FieldModel Field) : FieldBinding;

/// <summary>A root field of Query or Mutation for one resource.</summary>
public sealed record RootFieldBinding(RootOperation Operation, ResourceModel Resource) : FieldBinding;

/// <summary><c>Query._version</c>: the metadata version of the snapshot serving the request (present even with no resources).</summary>
public sealed record MetadataVersionBinding : FieldBinding;

/// <summary>The root operations the schema generates per resource (SPEC §3).</summary>
public enum RootOperation
{
    FindUnique,
    FindMany,
    Connection,
    Create,
    Update,
    Upsert,
    Delete,
    UpdateMany,
    DeleteMany,
}

/// <summary>Ties an input object type to what it means to the planner.</summary>
public abstract record InputObjectBinding;

/// <summary><c>&lt;R&gt;WhereInput</c>: each field's binding is a <see cref="WhereFieldBinding"/> or <see cref="WhereLogicBinding"/>.</summary>
public sealed record WhereInputBinding(ResourceModel Resource) : InputObjectBinding;

/// <summary><c>&lt;R&gt;WhereUniqueInput</c>: each field's binding is the unique <see cref="FieldModel"/>.</summary>
public sealed record WhereUniqueInputBinding(ResourceModel Resource) : InputObjectBinding;

/// <summary><c>&lt;R&gt;CreateInput</c>, <c>&lt;R&gt;UpdateInput</c>, <c>&lt;R&gt;UpdateManyMutationInput</c>: each field's binding is its <see cref="FieldModel"/>.</summary>
public sealed record DataInputBinding(ResourceModel Resource, DataInputKind Kind) : InputObjectBinding;

/// <summary>The nested write inputs of a relation (<c>{ create, connect, ... }</c>); field names are the nested operations.</summary>
public sealed record RelationWriteInputBinding(ResourceModel Target, FieldModel Relation, bool ForUpdate) : InputObjectBinding;

/// <summary>
/// <c>&lt;Target&gt;{Create,Update}{One,Many}[Without&lt;Field&gt;]Input</c>: shared by every relation pointing at the target
/// (with the same back-reference), so it cannot name the relation: that is the binding of the data input field holding
/// it. Each field's binding is a <see cref="NestedWriteOperation"/>.
/// </summary>
public sealed record NestedWriteInputBinding(ResourceModel Target, bool ForUpdate) : InputObjectBinding;

/// <summary>The operations of a nested relation write input (SPEC §3), to-one and to-many alike.</summary>
public enum NestedWriteOperation
{
    /// <summary><c>connect</c>: a <c>TargetWhereUniqueInput</c> (a list of them on to-many relations).</summary>
    Connect,

    /// <summary><c>disconnect</c>: <c>Boolean</c> on to-one relations (optional ones only), unique wheres on to-many.</summary>
    Disconnect,

    /// <summary><c>create</c>: the new target's data (a list on to-many relations).</summary>
    Create,

    /// <summary><c>delete</c>: <c>Boolean</c> on to-one relations, unique wheres on to-many.</summary>
    Delete,

    /// <summary><c>update</c>: the data (to-one), or <c>{ where, data }</c> items (to-many).</summary>
    Update,

    /// <summary><c>upsert</c>: <c>{ update, create }</c> (to-one), or <c>{ where, update, create }</c> items (to-many).</summary>
    Upsert,

    /// <summary><c>set</c> (to-many): unique wheres of exactly the targets to relate.</summary>
    Set,

    /// <summary><c>updateMany</c> (to-many): <c>{ where, data }</c> items.</summary>
    UpdateMany,

    /// <summary><c>deleteMany</c> (to-many): where inputs.</summary>
    DeleteMany,
}

/// <summary>Which data input this is.</summary>
public enum DataInputKind
{
    Create,
    Update,
    UpdateMany,
}

/// <summary>A where input field <c>f_op</c>: the field and the operator.</summary>
public sealed record WhereFieldBinding(FieldModel Field, WhereOperator Operator);

/// <summary>The <c>AND</c>, <c>OR</c>, <c>NOT</c> fields of a where input.</summary>
public sealed record WhereLogicBinding(WhereLogic Logic);

/// <summary>Logical combinators of a where input.</summary>
public enum WhereLogic
{
    And,
    Or,
    Not,
}

/// <summary>The operator suffixes of OpenCRUD where inputs (SPEC §3).</summary>
public enum WhereOperator
{
    Equals,
    Not,
    In,
    NotIn,
    Lt,
    Lte,
    Gt,
    Gte,
    Contains,
    NotContains,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,

    /// <summary>To-one relation: <c>r: TargetWhereInput</c>.</summary>
    Relation,
    Some,
    Every,
    None,
}

/// <summary>Ties an enum type to what it means to the planner.</summary>
public abstract record EnumBinding;

/// <summary><c>&lt;R&gt;OrderByInput</c>: each value's binding is an <see cref="Engine.Query.Plans.OrderBy"/>.</summary>
public sealed record OrderByEnumBinding(ResourceModel Resource) : EnumBinding;

/// <summary>The enum of an <c>Enum</c> field: values are stored as their names.</summary>
public sealed record FieldEnumBinding(ResourceModel Resource, FieldModel Field) : EnumBinding;
