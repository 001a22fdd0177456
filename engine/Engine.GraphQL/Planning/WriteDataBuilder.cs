using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns a coerced <c>&lt;R&gt;CreateInput</c>, <c>&lt;R&gt;UpdateInput</c> or <c>&lt;R&gt;UpdateManyMutationInput</c>
/// (and the nested data inputs inside them) into <see cref="WriteData"/>, validating every field first and reporting
/// all of one input's errors together. Required fields without a default are non-null in the create input, so coercion
/// already reports missing ones. Nested writes through relations are built by <see cref="NestedWriteBuilder"/>.
/// </summary>
internal sealed class WriteDataBuilder
{
    private readonly PlanningErrors errors;
    private readonly NestedWriteBuilder nested;

    public WriteDataBuilder(PlanningErrors errors, FilterBuilder filters, SchemaModel model)
    {
        this.errors = errors;
        nested = new NestedWriteBuilder(this, errors, filters, model);
    }

    /// <summary>The values to write; <paramref name="id"/> is the <c>id</c> a create input gave, if any.</summary>
    public WriteData Build(object? value, InputPath path, out Guid? id)
    {
        id = null;
        if (value is not InputObjectValue data || data.Type.Binding is not DataInputBinding binding)
        {
            errors.BadInput($"{path}: data is required.", path);
            return WriteData.Empty;
        }

        var values = new List<ColumnValue>(data.Fields.Count);
        var relations = new List<ToOneConnect>();
        List<NestedWrite>? writes = null;
        foreach (var input in data.Fields)
        {
            var field = input.Field.Binding as FieldModel
                ?? throw new InvalidOperationException($"data input field {input.Field.Name} has no field binding");
            if (field == binding.Resource.Id && binding.Kind == DataInputKind.Create)
            {
                id = Id(input);
            }
            else if (field.IsSystem)
            {
                errors.BadInput($"{input.Path}: {field.Name} is set by the engine and cannot be written.", input.Path);
            }
            else if (field.Kind == FieldKind.Scalar)
            {
                if (FieldValueValidator.Validate(field, input.Value, input.Path, errors))
                {
                    values.Add(new ColumnValue(field, PlanValues.Of(input.Value)));
                }
            }
            else if (field.Kind == FieldKind.ToOne)
            {
                nested.ToOne(field, input, binding.Kind == DataInputKind.Create, relations, ref writes);
            }
            else
            {
                nested.ToMany(binding.Resource, field, input, ref writes);
            }
        }

        return writes is null ? new WriteData(values, relations) : new WriteData(values, relations, writes);
    }

    private Guid? Id(InputFieldValue input)
    {
        if (input.Value is Guid id)
        {
            return id;
        }

        errors.BadInput($"{input.Path}: id may not be null.", input.Path);
        return null;
    }
}
