using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Query.Plans;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    /// <summary>The where operators: suffix, operator, description (shared strings, so descriptions cost no memory per field).</summary>
    private static readonly (string Suffix, WhereOperator Operator, string Description)[] EqualityOperators =
    [
        ("", WhereOperator.Equals, "Equals this value (null: is null)."),
        ("_not", WhereOperator.Not, "Differs from this value (null: is not null)."),
        ("_in", WhereOperator.In, "Equals one of these values."),
        ("_not_in", WhereOperator.NotIn, "Equals none of these values."),
    ];

    private static readonly (string Suffix, WhereOperator Operator, string Description)[] RangeOperators =
    [
        ("_lt", WhereOperator.Lt, "Less than this value."),
        ("_lte", WhereOperator.Lte, "Less than or equal to this value."),
        ("_gt", WhereOperator.Gt, "Greater than this value."),
        ("_gte", WhereOperator.Gte, "Greater than or equal to this value."),
    ];

    private static readonly (string Suffix, WhereOperator Operator, string Description)[] StringOperators =
    [
        ("_contains", WhereOperator.Contains, "Contains this text."),
        ("_not_contains", WhereOperator.NotContains, "Does not contain this text."),
        ("_starts_with", WhereOperator.StartsWith, "Starts with this text."),
        ("_not_starts_with", WhereOperator.NotStartsWith, "Does not start with this text."),
        ("_ends_with", WhereOperator.EndsWith, "Ends with this text."),
        ("_not_ends_with", WhereOperator.NotEndsWith, "Does not end with this text."),
    ];

    private static readonly WhereLogicBinding AndBinding = new(WhereLogic.And);
    private static readonly WhereLogicBinding OrBinding = new(WhereLogic.Or);
    private static readonly WhereLogicBinding NotBinding = new(WhereLogic.Not);

    private static GqlInputObjectType WhereInput(ResourceModel resource)
    {
        var name = GraphQLNames.WhereInput(resource.Name);
        var fields = new List<GqlInputField>(resource.Fields.Count * 8 + 3);
        foreach (var field in resource.Fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Scalar:
                    AddScalarFilters(fields, resource, field);
                    break;
                case FieldKind.ToOne:
                    fields.Add(new GqlInputField(field.Name, GqlTypeRef.Named(GraphQLNames.WhereInput(field.Relation!.Target)),
                        "The related record matches this filter.", Binding: new WhereFieldBinding(field, WhereOperator.Relation)));
                    break;
                default:
                    var target = GqlTypeRef.Named(GraphQLNames.WhereInput(field.Relation!.Target));
                    fields.Add(new GqlInputField(field.Name + "_some", target, "At least one related record matches.",
                        Binding: new WhereFieldBinding(field, WhereOperator.Some)));
                    fields.Add(new GqlInputField(field.Name + "_every", target, "Every related record matches.",
                        Binding: new WhereFieldBinding(field, WhereOperator.Every)));
                    fields.Add(new GqlInputField(field.Name + "_none", target, "No related record matches.",
                        Binding: new WhereFieldBinding(field, WhereOperator.None)));
                    break;
            }
        }

        var self = GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(name));
        fields.Add(new GqlInputField("AND", self, "All of these filters hold.", Binding: AndBinding));
        fields.Add(new GqlInputField("OR", self, "At least one of these filters holds.", Binding: OrBinding));
        fields.Add(new GqlInputField("NOT", self, "None of these filters holds.", Binding: NotBinding));
        return new GqlInputObjectType(name, $"Filters {resource.Plural}.", fields, new WhereInputBinding(resource));
    }

    /// <summary>
    /// Json fields get only equality (<c>f</c>, <c>f_not</c>): jsonb has no useful order and IN over documents is rare.
    /// ID, enum and Boolean fields get no string operators; Boolean, enum and Json no range operators.
    /// </summary>
    private static void AddScalarFilters(List<GqlInputField> fields, ResourceModel resource, FieldModel field)
    {
        var type = GqlTypeRef.Named(ValueTypeName(resource, field));
        var list = GqlTypeRef.ListOf(GqlTypeRef.NonNull(type));
        var equality = field.Scalar == ScalarKind.Json ? EqualityOperators.AsSpan(0, 2) : EqualityOperators;
        foreach (var (suffix, op, description) in equality)
        {
            var t = op is WhereOperator.In or WhereOperator.NotIn ? list : type;
            fields.Add(new GqlInputField(WhereName(field, suffix), t, description, Binding: new WhereFieldBinding(field, op)));
        }

        if (field.Scalar is not (ScalarKind.Boolean or ScalarKind.Json or ScalarKind.Enum))
        {
            AddOperators(fields, field, type, RangeOperators);
        }

        if (field.Scalar == ScalarKind.String)
        {
            AddOperators(fields, field, type, StringOperators);
        }
    }

    private static void AddOperators(List<GqlInputField> fields, FieldModel field, GqlTypeRef type,
        (string Suffix, WhereOperator Operator, string Description)[] operators)
    {
        foreach (var (suffix, op, description) in operators)
        {
            fields.Add(new GqlInputField(WhereName(field, suffix), type, description, Binding: new WhereFieldBinding(field, op)));
        }
    }

    /// <summary>
    /// <c>f_suffix</c>, interned: resources share many field names (every one has <c>id</c>, <c>createdAt</c>,
    /// <c>updatedAt</c>), so thousands of where inputs then share one string per name.
    /// </summary>
    private static string WhereName(FieldModel field, string suffix) => suffix.Length == 0 ? field.Name : string.Intern(field.Name + suffix);

    private static GqlInputObjectType WhereUniqueInput(ResourceModel resource)
    {
        var fields = resource.UniqueFields
            .Select(f => new GqlInputField(f.Name, GqlTypeRef.Named(ValueTypeName(resource, f)), f.Description, Binding: f))
            .ToArray();
        return new GqlInputObjectType(GraphQLNames.WhereUniqueInput(resource.Name),
            $"Identifies one {resource.Name} by one of its unique fields.", fields, new WhereUniqueInputBinding(resource));
    }

    private static GqlEnumType OrderByInput(ResourceModel resource)
    {
        var values = new List<GqlEnumValue>(resource.Fields.Count * 2);
        foreach (var field in resource.Fields)
        {
            if (field.Kind == FieldKind.Scalar)
            {
                values.Add(new GqlEnumValue(GraphQLNames.OrderByValue(field, descending: false), null, new OrderBy(field, false)));
                values.Add(new GqlEnumValue(GraphQLNames.OrderByValue(field, descending: true), null, new OrderBy(field, true)));
            }
        }

        return new GqlEnumType(GraphQLNames.OrderByInput(resource.Name), $"Sort orders of {resource.Plural}.", values,
            new OrderByEnumBinding(resource));
    }
}
