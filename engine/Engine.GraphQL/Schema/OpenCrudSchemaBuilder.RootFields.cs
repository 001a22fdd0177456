using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    private static GqlField[] QueryFields(ResourceModel resource)
    {
        var name = resource.Name;
        return
        [
            new GqlField(GraphQLNames.FindUnique(name), GqlTypeRef.Named(GraphQLNames.ObjectType(name)),
                $"One {name} by a unique field, or null.",
                [WhereUniqueArgument(name)],
                new RootFieldBinding(RootOperation.FindUnique, resource)),
            new GqlField(GraphQLNames.FindMany(resource.Plural), NonNullListOfNonNull(GraphQLNames.ObjectType(name)),
                $"{resource.Plural}, filtered, sorted and paged.",
                ListArguments(name),
                new RootFieldBinding(RootOperation.FindMany, resource)),
            ConnectionField(resource),
        ];
    }

    private static GqlField[] MutationFields(ResourceModel resource, bool hasUpdate, bool hasUpdateMany)
    {
        var name = resource.Name;
        var plural = resource.Plural;
        var objectType = GqlTypeRef.Named(GraphQLNames.ObjectType(name));
        var batch = GqlTypeRef.NonNullNamed(BatchPayloadType);
        var where = new GqlInputField("where", GqlTypeRef.Named(GraphQLNames.WhereInput(name)), "Only the records matching this filter.");
        var create = new GqlInputField("data", GqlTypeRef.NonNullNamed(GraphQLNames.CreateInput(name)), "The new record's fields.");
        var fields = new List<GqlField>(6)
        {
            new(GraphQLNames.Create(name), GqlTypeRef.NonNull(objectType), $"Creates one {name}.", [create],
                new RootFieldBinding(RootOperation.Create, resource)),
        };
        if (hasUpdate)
        {
            var update = GqlTypeRef.NonNullNamed(GraphQLNames.UpdateInput(name));
            fields.Add(new GqlField(GraphQLNames.Update(name), objectType, $"Updates one {name}; null when none matches.",
                [new GqlInputField("data", update, "The fields to change."), WhereUniqueArgument(name)],
                new RootFieldBinding(RootOperation.Update, resource)));
            fields.Add(new GqlField(GraphQLNames.Upsert(name), GqlTypeRef.NonNull(objectType),
                $"Updates the matching {name}, or creates one when none matches.",
                [
                    WhereUniqueArgument(name),
                    create with { Name = "create", Description = "The fields of the record to create when none matches." },
                    new GqlInputField("update", update, "The fields to change when a record matches."),
                ],
                new RootFieldBinding(RootOperation.Upsert, resource)));
        }

        fields.Add(new GqlField(GraphQLNames.Delete(name), objectType, $"Deletes one {name} and returns it; null when none matches.",
            [WhereUniqueArgument(name)], new RootFieldBinding(RootOperation.Delete, resource)));
        if (hasUpdateMany)
        {
            fields.Add(new GqlField(GraphQLNames.UpdateMany(plural), batch, $"Updates every matching {name}.",
                [new GqlInputField("data", GqlTypeRef.NonNullNamed(GraphQLNames.UpdateManyMutationInput(name)), "The fields to change."), where],
                new RootFieldBinding(RootOperation.UpdateMany, resource)));
        }

        fields.Add(new GqlField(GraphQLNames.DeleteMany(plural), batch, $"Deletes every matching {name}.", [where],
            new RootFieldBinding(RootOperation.DeleteMany, resource)));
        return [.. fields];
    }

    private static GqlInputField WhereUniqueArgument(string resource) =>
        new("where", GqlTypeRef.NonNullNamed(GraphQLNames.WhereUniqueInput(resource)), $"Identifies the {resource}.");
}
