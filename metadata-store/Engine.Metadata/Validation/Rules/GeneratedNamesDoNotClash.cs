using Engine.Metadata.Definitions;
using Engine.Metadata.Naming;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// The names generated for a resource are unique: GraphQL types (built-ins included) and root fields across all
/// resources, protobuf messages and services across the shared package, and protobuf fields and enum values within
/// the resource's message. Another resource's names are found by inverting the patterns (<see cref="NamePattern"/>),
/// so a check costs lookups, not a pass over every resource.
/// </summary>
internal sealed class GeneratedNamesDoNotClash : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        // Names generated from a malformed name, or a plural equal to the name, have rules of their own.
        if (!NamePatterns.Resource().IsMatch(context.Resource.Name) || context.Plural == context.Resource.Name)
        {
            return;
        }

        var clashes = new List<(string Path, Origin Mine, Origin Theirs)>();
        CheckNamespace(context, NamePattern.GraphQLTypes, withFieldEnums: true, clashes);
        CheckNamespace(context, NamePattern.GraphQLRootFields, withFieldEnums: false, clashes);
        CheckNamespace(context, NamePattern.ProtoTypes, withFieldEnums: false, clashes);

        // Two resources whose names clash once usually clash many times (posts, postsConnection, ListPostsRequest...):
        // one error per pair names the first clash and counts the rest.
        foreach (var pair in clashes.GroupBy(c => (c.Path, c.Theirs.Resource)))
        {
            var (path, mine, theirs) = pair.First();
            var more = pair.Count() - 1;
            context.Report(path, Clash(mine, theirs, more));
        }

        CheckProtoFields(context);
        CheckProtoEnumValues(context);
    }

    /// <summary>
    /// Who generates a name: a resource through a pattern, an Enum field through its enum type, or a relation field
    /// through the nested write inputs of the relation it is the other side of.
    /// </summary>
    private sealed record Origin(string Name, string Resource, NamePattern? Pattern, string? Field, bool IsEnum = true)
    {
        public bool IsIdentity => Pattern is { IsIdentity: true };

        public string Describe() =>
            Field is not null
                ? $"generated GraphQL {(IsEnum ? "enum type" : "nested write input type")} '{Name}' of the field '{Resource}.{Field}'"
            : IsIdentity ? $"resource '{Resource}'"
            : $"generated {Pattern!.Kind} '{Name}' of resource '{Resource}'";
    }

    private static void CheckNamespace(
        ValidationContext context, IReadOnlyList<NamePattern> patterns, bool withFieldEnums, List<(string Path, Origin Mine, Origin Theirs)> clashes)
    {
        var own = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var (origin, path) in OwnNames(context, patterns, withFieldEnums))
        {
            if (withFieldEnums && GraphQLNames.BuiltInTypes.Contains(origin.Name))
            {
                context.Report(path, $"The {origin.Describe()} clashes with the built-in GraphQL type '{origin.Name}'; choose another name.");
            }

            if (!own.TryAdd(origin.Name, origin))
            {
                clashes.Add((path, origin, own[origin.Name]));
            }

            foreach (var other in OwnersElsewhere(context, patterns, withFieldEnums, origin.Name))
            {
                clashes.Add((path, origin, other));
            }
        }
    }

    /// <summary>The names this resource generates in one namespace, each with the path that would change it.</summary>
    private static IEnumerable<(Origin Origin, string Path)> OwnNames(ValidationContext context, IReadOnlyList<NamePattern> patterns, bool withFieldEnums)
    {
        var resource = context.Resource;
        foreach (var pattern in patterns)
        {
            var path = pattern.FromPlural && resource.Plural is not null ? "plural" : "name";
            yield return (new Origin(pattern.Apply(resource.Name, context.Plural), resource.Name, pattern, null), path);
        }

        for (var i = 0; withFieldEnums && i < resource.Fields.Count; i++)
        {
            var field = resource.Fields[i];
            if (field.Type == FieldTypes.Enum && NamePatterns.Field().IsMatch(field.Name) && context.FieldPosition(field.Name) == i)
            {
                yield return (new Origin(GraphQLNames.FieldEnum(resource.Name, field.Name), resource.Name, null, field.Name), $"fields[{i}].name");
            }

            if (field.Type == FieldTypes.Relation && NamePatterns.Field().IsMatch(field.Name) && context.FieldPosition(field.Name) == i)
            {
                foreach (var name in GraphQLNames.BackReferenceTypesOf(resource.Name, field.Name))
                {
                    yield return (new Origin(name, resource.Name, null, field.Name, IsEnum: false), $"fields[{i}].name");
                }
            }
        }
    }

    /// <summary>Other resources that would generate <paramref name="name"/> too.</summary>
    private static IEnumerable<Origin> OwnersElsewhere(ValidationContext context, IReadOnlyList<NamePattern> patterns, bool withFieldEnums, string name)
    {
        var self = context.Resource.Name;
        foreach (var pattern in patterns)
        {
            if (pattern.StemOf(name) is not { } stem)
            {
                continue;
            }

            var owners = pattern.FromPlural ? context.All.WithPlural(stem) : context.All.Find(stem) is { } owner ? [owner] : [];
            foreach (var other in owners)
            {
                if (other.Name != self)
                {
                    yield return new Origin(name, other.Name, pattern, null);
                }
            }
        }

        // An enum type is <Resource><Field>, a back-reference input <Resource>...<Field>...: any prefix of the name may be the resource.
        for (var length = 1; withFieldEnums && length < name.Length; length++)
        {
            if (context.All.Find(name.AsSpan(0, length)) is not { } other || other.Name == self)
            {
                continue;
            }

            foreach (var field in other.Fields)
            {
                if (field.Type == FieldTypes.Enum && GraphQLNames.FieldEnum(other.Name, field.Name) == name)
                {
                    yield return new Origin(name, other.Name, null, field.Name);
                }
                else if (field.Type == FieldTypes.Relation && GraphQLNames.BackReferenceTypesOf(other.Name, field.Name).Contains(name))
                {
                    yield return new Origin(name, other.Name, null, field.Name, IsEnum: false);
                }
            }
        }
    }

    /// <summary>Names the generated side first: "generated GraphQL type 'PostEdge' of resource 'Post' clashes with resource 'PostEdge'".</summary>
    private static string Clash(Origin mine, Origin theirs, int more)
    {
        var (first, second) = mine.IsIdentity ? (theirs, mine) : (mine, theirs);
        var andMore = more == 0 ? "" : $", and {more} more generated name{(more == 1 ? "" : "s")} of the two clash as well";
        return $"The {first.Describe()} clashes with {(second.IsIdentity ? "" : "the ")}{second.Describe()}{andMore}; rename one of them.";
    }

    /// <summary>Message fields: system fields and declared ones, snake_cased, <c>_id</c>/<c>_ids</c> for relations.</summary>
    private static void CheckProtoFields(ValidationContext context)
    {
        var used = new Dictionary<string, (string Owner, string? Column)>(StringComparer.Ordinal)
        {
            [ProtoNames.IdField] = ("system field 'id'", "id"),
            [ProtoNames.CreateTimeField] = ("system field 'createdAt'", "created_at"),
            [ProtoNames.UpdateTimeField] = ("system field 'updatedAt'", "updated_at"),
        };
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (FieldShapes.SystemFields.Contains(field.Name) || context.FieldPosition(field.Name) != i
                || !FieldTypes.All.Contains(field.Type) || (FieldShapes.IsRelation(field) && !FieldShapes.IsToOne(field) && !FieldShapes.IsToMany(field))
                || ProtoNames.Field(field) is not { } protoName)
            {
                continue;
            }

            var column = FieldShapes.ColumnOf(field);
            var owner = FieldShapes.IsRelation(field) ? $"relation '{field.Name}'" : $"field '{field.Name}'";
            if (used.TryAdd(protoName, (owner, column)))
            {
                continue;
            }

            // Same column too: ColumnNamesAreUnique already says so.
            var existing = used[protoName];
            if (column is null || column != existing.Column)
            {
                context.Report($"fields[{i}].name", $"The {owner} would be the protobuf field '{protoName}', which the {existing.Owner} "
                    + "already is; rename one of them.");
            }
        }
    }

    /// <summary>Enum values share the scope of the message they are nested in, so all of them must differ.</summary>
    private static void CheckProtoEnumValues(ValidationContext context)
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.Type != FieldTypes.Enum || !NamePatterns.Field().IsMatch(field.Name) || context.FieldPosition(field.Name) != i)
            {
                continue;
            }

            var zero = ProtoNames.EnumUnspecifiedValue(field.Name);
            if (!used.TryAdd(zero, $"the zero value of '{field.Name}'"))
            {
                context.Report($"fields[{i}].name", $"The Enum field '{field.Name}' would get the protobuf zero value '{zero}', which is "
                    + $"already {used[zero]}; protobuf enum values share their message's scope, so rename the field or that value.");
            }

            var values = field.Values ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < values.Count; k++)
            {
                // Malformed and repeated values are EnumValuesAreValid's to report.
                if (!NamePatterns.EnumValue().IsMatch(values[k]) || !seen.Add(values[k]))
                {
                    continue;
                }

                var protoValue = ProtoNames.EnumValue(field.Name, values[k]);
                if (!used.TryAdd(protoValue, $"the value {values[k]} of '{field.Name}'"))
                {
                    context.Report($"fields[{i}].values[{k}]", $"The enum value '{values[k]}' of '{field.Name}' would be the protobuf enum "
                        + $"value '{protoValue}', which is already {used[protoValue]}; protobuf enum values share their message's scope, "
                        + "so choose another value.");
                }
            }
        }
    }
}
