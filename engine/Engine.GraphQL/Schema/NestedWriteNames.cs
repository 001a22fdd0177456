using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

/// <summary>
/// The names of the nested write inputs of one target: the shared <c>&lt;T&gt;CreateOneInput</c> family, or the
/// <c>&lt;T&gt;CreateOneWithout&lt;Field&gt;Input</c> family when the relation has a back-reference on the target.
/// </summary>
internal sealed record NestedWriteNames(
    string CreateData,
    string UpdateData,
    string CreateOne,
    string CreateMany,
    string UpdateOne,
    string UpdateMany,
    string UpdateWithWhereUnique,
    string UpsertWithWhereUnique,
    string UpsertOne)
{
    /// <summary>The names for relations into <paramref name="target"/>; <paramref name="backReference"/> is the target's field on the other side.</summary>
    public static NestedWriteNames Of(string target, FieldModel? backReference)
    {
        if (backReference is null)
        {
            return new(
                GraphQLNames.CreateInput(target), GraphQLNames.UpdateInput(target),
                GraphQLNames.CreateOneInput(target), GraphQLNames.CreateManyInput(target),
                GraphQLNames.UpdateOneInput(target), GraphQLNames.UpdateManyInput(target),
                GraphQLNames.UpdateWithWhereUniqueNestedInput(target), GraphQLNames.UpsertWithWhereUniqueNestedInput(target),
                GraphQLNames.UpsertNestedInput(target));
        }

        var field = backReference.Name;
        return new(
            GraphQLNames.CreateWithoutInput(target, field), GraphQLNames.UpdateWithoutDataInput(target, field),
            GraphQLNames.CreateOneWithoutInput(target, field), GraphQLNames.CreateManyWithoutInput(target, field),
            GraphQLNames.UpdateOneWithoutInput(target, field), GraphQLNames.UpdateManyWithoutInput(target, field),
            GraphQLNames.UpdateWithWhereUniqueWithoutInput(target, field), GraphQLNames.UpsertWithWhereUniqueWithoutInput(target, field),
            GraphQLNames.UpsertWithoutInput(target, field));
    }
}
