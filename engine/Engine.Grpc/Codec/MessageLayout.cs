using System.Collections.Frozen;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Grpc.Codec;

/// <summary>
/// The fields of one resource message (SPEC §1 protobuf column), in resource order, with lookups by number (binary
/// search over a sorted array, for the wire) and by proto name (for masks, once per request).
/// </summary>
internal sealed class MessageLayout
{
    private readonly int[] sortedNumbers;
    private readonly MessageField[] byNumber;

    public MessageLayout(ResourceModel resource, SchemaModel schema)
    {
        Resource = resource;
        Fields = resource.Fields
            .Where(f => ProtoNames.Field(f) is not null)
            .Select((f, i) => new MessageField(i, f, f.Relation is { } relation ? TargetOf(schema, relation) : null))
            .ToArray();
        byNumber = Fields.OrderBy(f => f.Number).ToArray();
        sortedNumbers = byNumber.Select(f => f.Number).ToArray();
        ByProtoName = Fields.ToFrozenDictionary(f => f.ProtoName, StringComparer.Ordinal);
        MessagePath = NameConventions.ToSnakeCase(resource.Name);
        IdField = Fields.First(f => f.Codec == FieldCodec.Id);
    }

    public ResourceModel Resource { get; }

    /// <summary>Fields with a message field, in resource order (system fields first).</summary>
    public MessageField[] Fields { get; }

    public FrozenDictionary<string, MessageField> ByProtoName { get; }

    /// <summary>The <c>id</c> field (number 1).</summary>
    public MessageField IdField { get; }

    /// <summary>The name of the resource field in create and update requests (<c>invoice_line</c>), the root of violation paths.</summary>
    public string MessagePath { get; }

    /// <summary>The field with this number, or null for an unknown one.</summary>
    public MessageField? FieldAt(int number)
    {
        var index = Array.BinarySearch(sortedNumbers, number);
        return index >= 0 ? byNumber[index] : null;
    }

    private static ResourceModel TargetOf(SchemaModel schema, RelationModel relation) =>
        schema.Resource(relation.Target)
            ?? throw new ArgumentException($"The relation target '{relation.Target}' is not in the schema.", nameof(schema));
}
