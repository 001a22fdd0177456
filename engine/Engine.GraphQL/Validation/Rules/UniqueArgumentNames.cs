using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.4.2: a field or directive gets each argument once.</summary>
internal sealed class UniqueArgumentNames : ValidationRule
{
    public override void EnterField(ValidationContext context, GraphQLField field, GqlObjectType? parentType, GqlField? definition) =>
        Check(context, field.Arguments);

    public override void EnterDirective(ValidationContext context, GraphQLDirective directive, string location, GqlDirective? definition) =>
        Check(context, directive.Arguments);

    private static void Check(ValidationContext context, GraphQLArguments? arguments)
    {
        if (arguments is null || arguments.Count < 2)
        {
            return;
        }

        var seen = new Dictionary<string, GraphQLArgument>(StringComparer.Ordinal);
        foreach (var argument in arguments.Items)
        {
            var name = argument.Name.StringValue;
            if (!seen.TryAdd(name, argument))
            {
                context.Report($"There can be only one argument named \"{name}\".", seen[name].Name, argument.Name);
            }
        }
    }
}
