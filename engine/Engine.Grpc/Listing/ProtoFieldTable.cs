using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Grpc.Listing;

/// <summary>How a protobuf name of a resource can be used in <c>filter</c> and <c>order_by</c>.</summary>
internal enum ProtoFieldRole
{
    /// <summary>A scalar message field (system fields included).</summary>
    Scalar,

    /// <summary><c>customer_id</c>: the foreign key of a to-one relation, compared as an id.</summary>
    ForeignKey,

    /// <summary><c>customer</c>: a to-one relation, only as the head of a dotted path.</summary>
    ToOne,

    /// <summary><c>tags_ids</c>: a to-many relation, which the filter subset cannot express.</summary>
    ToMany,
}

/// <summary>A protobuf name and the field it stands for.</summary>
internal sealed record ProtoField(string Name, FieldModel Field, ProtoFieldRole Role);

/// <summary>
/// The names a resource's <c>filter</c> and <c>order_by</c> may use, built once per <see cref="ResourceModel"/> object:
/// a snapshot reuses an unchanged resource's model, so its table survives metadata versions too.
/// </summary>
internal sealed class ProtoFieldTable
{
    private static readonly ConditionalWeakTable<ResourceModel, ProtoFieldTable> Tables = [];

    private readonly FrozenDictionary<string, ProtoField> byName;

    private ProtoFieldTable(ResourceModel resource)
    {
        var fields = new Dictionary<string, ProtoField>(StringComparer.Ordinal);
        foreach (var field in resource.Fields)
        {
            if (field.Kind == FieldKind.ToOne)
            {
                var fk = ProtoNames.ToOneField(field.Name);
                fields[fk] = new ProtoField(fk, field, ProtoFieldRole.ForeignKey);
                var relation = ProtoNames.ScalarField(field.Name);
                fields[relation] = new ProtoField(relation, field, ProtoFieldRole.ToOne);
            }
            else if (field.Kind == FieldKind.ToMany)
            {
                var name = ProtoNames.Field(field) ?? ProtoNames.ScalarField(field.Name);
                fields[name] = new ProtoField(name, field, ProtoFieldRole.ToMany);
            }
            else
            {
                var name = ProtoNames.Field(field)!;
                fields[name] = new ProtoField(name, field, ProtoFieldRole.Scalar);
            }
        }

        byName = fields.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The table of <paramref name="resource"/>, built on first use.</summary>
    public static ProtoFieldTable For(ResourceModel resource) => Tables.GetValue(resource, static r => new ProtoFieldTable(r));

    /// <summary>The field a protobuf name stands for, or null.</summary>
    public ProtoField? Find(string name) => byName.GetValueOrDefault(name);
}
