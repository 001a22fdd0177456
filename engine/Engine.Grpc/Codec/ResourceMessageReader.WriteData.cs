using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Grpc.Codec;

public sealed partial class ResourceMessageReader
{
    /// <summary>
    /// The insert of a decoded message. A present field is written; an absent field is left to the column default,
    /// except a required field without one: proto3 encoders omit default values of fields without presence, so
    /// absence means 0, <c>""</c> or false where that is a valid value, and a violation where it is not.
    /// </summary>
    private WriteData CreateData(DecodedMessage message, List<FieldViolation> violations)
    {
        var values = new List<ColumnValue>();
        var relations = new List<ToOneConnect>();
        List<NestedWrite>? nested = null;
        foreach (var field in layout.Fields)
        {
            if (!field.IsWritable)
            {
                continue;
            }

            var present = message.Present[field.Index];
            var value = message.Values[field.Index];
            if (field.Codec == FieldCodec.ToMany)
            {
                if (present)
                {
                    var ids = (List<Guid>)value!;
                    for (var i = 0; i < ids.Count; i++)
                    {
                        (nested ??= []).Add(new NestedConnect(field.Model, field.Target!, $"{PathOf(field)}[{i}]", ById(field, ids[i])));
                    }
                }

                continue;
            }

            if (!present || value is null)
            {
                if (!field.Model.Required || field.Model.Default is not null)
                {
                    continue;
                }

                value = ImplicitDefault(field);
                if (value is null)
                {
                    violations.Add(new FieldViolation(PathOf(field), "is required."));
                    continue;
                }
            }

            Add(field, value, values, relations);
        }

        return nested is null ? new WriteData(values, relations) : new WriteData(values, relations, nested);
    }

    /// <summary>
    /// The update of a decoded message. Without a mask the present fields are written (AIP-134: an absent mask
    /// means the populated fields). With one, exactly the masked fields are: an absent one is cleared (NULL,
    /// disconnected, emptied, or its type's default when it is required and has one).
    /// </summary>
    private WriteData UpdateData(DecodedMessage message, bool[]? mask, List<FieldViolation> violations)
    {
        var values = new List<ColumnValue>();
        var relations = new List<ToOneConnect>();
        List<NestedWrite>? nested = null;
        foreach (var field in layout.Fields)
        {
            if (!field.IsWritable)
            {
                continue;
            }

            var present = message.Present[field.Index];
            if (mask is null ? !present : !mask[field.Index])
            {
                continue;
            }

            var value = present ? message.Values[field.Index] : null;
            if (field.Codec == FieldCodec.ToMany)
            {
                var ids = value as List<Guid> ?? [];
                var wheres = ids.Select(id => ById(field, id)).ToArray();
                (nested ??= []).Add(new NestedSet(field.Model, field.Target!, PathOf(field), wheres));
                continue;
            }

            if (value is null && field.Model.Required)
            {
                value = present ? null : ImplicitDefault(field);
                if (value is null)
                {
                    violations.Add(new FieldViolation(PathOf(field), "is required and cannot be cleared."));
                    continue;
                }
            }

            Add(field, value, values, relations);
        }

        return nested is null ? new WriteData(values, relations) : new WriteData(values, relations, nested);
    }

    private static void Add(MessageField field, object? value, List<ColumnValue> values, List<ToOneConnect> relations)
    {
        if (field.Codec == FieldCodec.ToOne)
        {
            relations.Add(new ToOneConnect(field.Model, field.Target!, value is Guid id ? ById(field, id) : null));
        }
        else
        {
            values.Add(new ColumnValue(field.Model, value));
        }
    }

    /// <summary>The value an absent field without presence stands for, or null where the default is not a valid value.</summary>
    private static object? ImplicitDefault(MessageField field) => field.HasPresence ? null : field.Codec switch
    {
        FieldCodec.String => string.Empty,
        FieldCodec.Int => 0,
        FieldCodec.Long => 0L,
        FieldCodec.Float => 0d,
        FieldCodec.Boolean => false,
        _ => null,
    };

    private static ComparisonFilter ById(MessageField field, Guid id) =>
        new(field.Target!.Id, ComparisonOperator.Equal, id);
}
