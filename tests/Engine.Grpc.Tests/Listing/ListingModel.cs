using System.Globalization;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Grpc.Tests.Listing;

/// <summary>Invoice → Customer → Address: every field type and two to-one hops, plus a canonical text of filter trees.</summary>
internal static class ListingModel
{
    public static readonly SchemaModel Schema = SchemaModelBuilder.Build(1,
    [
        new ResourceDefinition
        {
            Name = "Invoice",
            Fields =
            [
                new FieldDefinition { Name = "number", Type = FieldTypes.String },
                new FieldDefinition { Name = "issuedOn", Type = FieldTypes.Date },
                new FieldDefinition { Name = "total", Type = FieldTypes.Decimal, Precision = 12, Scale = 2 },
                new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "SENT", "PAID"] },
                new FieldDefinition { Name = "paidAt", Type = FieldTypes.DateTime },
                new FieldDefinition { Name = "lineCount", Type = FieldTypes.Int },
                new FieldDefinition { Name = "weight", Type = FieldTypes.Float },
                new FieldDefinition { Name = "sequence", Type = FieldTypes.Long },
                new FieldDefinition { Name = "archived", Type = FieldTypes.Boolean },
                new FieldDefinition { Name = "extra", Type = FieldTypes.Json },
                new FieldDefinition { Name = "customer", Type = FieldTypes.Relation, Target = "Customer", Cardinality = "one", OnDelete = "RESTRICT" },
                new FieldDefinition { Name = "tags", Type = FieldTypes.Relation, Target = "Tag", Cardinality = "many" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Customer",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = FieldTypes.String },
                new FieldDefinition { Name = "address", Type = FieldTypes.Relation, Target = "Address", Cardinality = "one", OnDelete = "SET_NULL" },
            ],
        },
        new ResourceDefinition { Name = "Address", Fields = [new FieldDefinition { Name = "city", Type = FieldTypes.String }] },
        new ResourceDefinition { Name = "Tag", Fields = [new FieldDefinition { Name = "label", Type = FieldTypes.String }] },
    ]);

    public static readonly ResourceModel Invoice = Schema.Resource("Invoice")!;

    /// <summary>
    /// A filter tree as text: <c>and(..)</c>, <c>or(..)</c>, <c>not(..)</c>, <c>customer.(..)</c> for a to-one hop,
    /// <c>field op value:Type</c> for comparisons (the CLR type name shows the coercion) and <c>field : "text"</c>.
    /// </summary>
    public static string Render(Filter? filter) => filter switch
    {
        null => "none",
        AndFilter and => "and(" + string.Join(", ", and.Items.Select(Render)) + ")",
        OrFilter or => "or(" + string.Join(", ", or.Items.Select(Render)) + ")",
        NotFilter not => "not(" + Render(not.Inner) + ")",
        ToOneFilter toOne => $"{toOne.Relation.Name}.({Render(toOne.Inner)})",
        StringMatchFilter match => $"{match.Field.Name} {match.Operator} \"{match.Value}\"",
        ComparisonFilter c => $"{c.Field.Name} {Symbol(c.Operator)} {Value(c.Value)}",
        _ => filter.GetType().Name,
    };

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        _ => ">=",
    };

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\":String",
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture) + ":DateTime",
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture) + ":DateOnly",
        JsonText j => j.Text + ":JsonText",
        bool b => (b ? "true" : "false") + ":Boolean",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + ":" + value.GetType().Name,
        _ => value.ToString() + ":" + value.GetType().Name,
    };
}
