using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// A many-to-many join table (<c>&lt;table&gt;_&lt;field&gt;</c>) does not share its name with a resource's table or
/// another relation's join table (<c>Invoice.tags</c> and a resource <c>InvoiceTags</c> both want <c>invoice_tags</c>).
/// Resource tables themselves are distinct because names are unique ignoring case.
/// </summary>
internal sealed class TableNamesAreUnique : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var resource = context.Resource;
        var table = NameConventions.ToSnakeCase(resource.Name);
        foreach (var (owner, field) in context.All.JoinTablesNamed(table))
        {
            if (owner.Name != resource.Name)
            {
                context.Report("name", $"The table '{table}' of resource '{resource.Name}' has the same name as the join table of "
                    + $"the relation '{owner.Name}.{field}'; rename the resource or the relation.");
            }
        }

        if (context.All.TryBuildModel(resource) is not { } model)
        {
            return;
        }

        foreach (var field in model.Fields)
        {
            if (field.Relation is { Kind: RelationKind.ManyToMany } relation)
            {
                CheckJoinTable(context, field, relation);
            }
        }
    }

    private static void CheckJoinTable(ValidationContext context, FieldModel field, RelationModel relation)
    {
        var resource = context.Resource;
        var joinTable = relation.JoinTable!;
        var path = $"fields[{context.FieldPosition(field.Name)}].name";
        foreach (var other in context.All.WithTable(joinTable))
        {
            context.Report(path, $"The join table '{joinTable}' of the relation '{field.Name}' has the same name as the table of "
                + $"resource '{other.Name}'; rename the relation or the resource.");
        }

        foreach (var (owner, otherField) in context.All.JoinTablesNamed(joinTable))
        {
            var isItself = owner.Name == resource.Name && otherField == field.Name;
            var isOtherSide = owner.Name == relation.Target && otherField == relation.Inverse;
            if (!isItself && !isOtherSide)
            {
                context.Report(path, $"The join table '{joinTable}' of the relation '{field.Name}' has the same name as the join "
                    + $"table of the relation '{owner.Name}.{otherField}'; rename one of the relations.");
            }
        }
    }
}
