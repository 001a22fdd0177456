using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.7.3: a non-repeatable directive appears at most once per location.</summary>
internal sealed class UniqueDirectivesPerLocation : ValidationRule
{
    public override void EnterDirectives(ValidationContext context, GraphQLDirectives directives, string location)
    {
        if (directives.Count < 2)
        {
            return;
        }

        var seen = new Dictionary<string, GraphQLDirective>(StringComparer.Ordinal);
        foreach (var directive in directives.Items)
        {
            var name = directive.Name.StringValue;
            if (context.Schema.Directive(name) is { IsRepeatable: true })
            {
                continue;
            }

            if (!seen.TryAdd(name, directive))
            {
                context.Report($"The directive \"@{name}\" can only be used once at this location.", seen[name], directive);
            }
        }
    }
}
