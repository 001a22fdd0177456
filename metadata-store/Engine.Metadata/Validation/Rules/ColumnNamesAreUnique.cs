namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// No two fields map to the same column once snake_cased (<c>customerId</c> and the relation <c>customer</c> are both
/// <c>customer_id</c>; <c>createdAT</c> is the system column <c>created_at</c>).
/// </summary>
internal sealed class ColumnNamesAreUnique : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, field) in FieldShapes.SystemColumns)
        {
            owners[column] = $"system field '{field}'";
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            // Declared system fields and repeated names have rules of their own.
            if (FieldShapes.SystemFields.Contains(field.Name) || context.FieldPosition(field.Name) != i
                || FieldShapes.ColumnOf(field) is not { } column)
            {
                continue;
            }

            var owner = FieldShapes.IsToOne(field) ? $"relation '{field.Name}'" : $"field '{field.Name}'";
            if (!owners.TryAdd(column, owner))
            {
                context.Report($"fields[{i}].name", $"The {owner} would be stored in the column '{column}', which the {owners[column]} "
                    + "already uses; rename one of them.");
            }
        }
    }
}
