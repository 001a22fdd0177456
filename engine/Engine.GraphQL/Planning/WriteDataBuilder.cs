using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns a coerced <c>&lt;R&gt;CreateInput</c>, <c>&lt;R&gt;UpdateInput</c> or <c>&lt;R&gt;UpdateManyMutationInput</c>
/// into <see cref="WriteData"/>, validating every field first and reporting all of one input's errors together.
/// Required fields without a default are non-null in the create input, so coercion already reports missing ones.
/// </summary>
internal sealed class WriteDataBuilder(PlanningErrors errors, FilterBuilder filters)
{
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
                Relation(field, input, relations);
            }
            else
            {
                errors.BadInput($"{input.Path}: nested writes of to-many relations are not supported yet.", input.Path);
            }
        }

        return new WriteData(values, relations);
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

    private void Relation(FieldModel relation, InputFieldValue input, List<ToOneConnect> relations)
    {
        if (input.Value is not InputObjectValue nested || nested.Type.Binding is not NestedWriteInputBinding binding)
        {
            errors.BadInput($"{input.Path}: give {{ connect: ... }} or {{ disconnect: true }} rather than null.", input.Path);
            return;
        }

        var given = 0;
        foreach (var operation in nested.Fields)
        {
            if (operation.Value is null or false)
            {
                continue;
            }

            if (++given > 1)
            {
                errors.BadInput($"{input.Path}: give only one of connect or disconnect.", input.Path);
                return;
            }

            if (operation.Field.Binding is NestedWriteOperation.Connect)
            {
                if (filters.Unique(operation.Value, operation.Path) is { } where)
                {
                    relations.Add(new ToOneConnect(relation, binding.Target, where));
                }
            }
            else if (relation.Required)
            {
                errors.BadInput($"{operation.Path}: {relation.Name} is required and cannot be disconnected.", operation.Path);
            }
            else
            {
                relations.Add(new ToOneConnect(relation, binding.Target, null));
            }
        }
    }
}
