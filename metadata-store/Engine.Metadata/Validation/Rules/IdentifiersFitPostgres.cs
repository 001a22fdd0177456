using System.Text;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// The table, columns, join tables and join columns derived from a resource fit PostgreSQL's 63-byte identifiers;
/// longer ones would be cut silently and could collide.
/// </summary>
internal sealed class IdentifiersFitPostgres : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var resource = context.Resource;
        var table = NameConventions.ToSnakeCase(resource.Name);
        if (TooLong(table))
        {
            context.Report("name", $"The resource '{resource.Name}' would get the table '{table}', {Bytes(table)} bytes long; "
                + $"PostgreSQL names are at most {NameConventions.MaxIdentifierLength} bytes, so shorten the name.");
        }

        for (var i = 0; i < resource.Fields.Count; i++)
        {
            if (FieldShapes.ColumnOf(resource.Fields[i]) is { } column && TooLong(column))
            {
                context.Report($"fields[{i}].name", $"The field '{resource.Fields[i].Name}' would get the column '{column}', "
                    + $"{Bytes(column)} bytes long; PostgreSQL names are at most {NameConventions.MaxIdentifierLength} bytes, so shorten the name.");
            }
        }

        if (context.All.TryBuildModel(resource) is not { } model)
        {
            return;
        }

        foreach (var field in model.Fields)
        {
            if (field.Relation is not { Kind: RelationKind.ManyToMany } relation)
            {
                continue;
            }

            var tooLong = new[] { relation.JoinTable!, relation.JoinSourceColumn!, relation.JoinTargetColumn! }.FirstOrDefault(TooLong);
            if (tooLong is not null)
            {
                context.Report($"fields[{context.FieldPosition(field.Name)}].name", $"The many-to-many relation '{field.Name}' would "
                    + $"use the join table identifier '{tooLong}', {Bytes(tooLong)} bytes long; PostgreSQL names are at most "
                    + $"{NameConventions.MaxIdentifierLength} bytes, so shorten the relation or resource names.");
            }
        }
    }

    private static int Bytes(string identifier) => Encoding.UTF8.GetByteCount(identifier);

    private static bool TooLong(string identifier) => Bytes(identifier) > NameConventions.MaxIdentifierLength;
}
