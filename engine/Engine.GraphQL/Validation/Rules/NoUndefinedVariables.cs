using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.8.3: every variable used by an operation (in its fragments too) is defined by it.</summary>
internal sealed class NoUndefinedVariables : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var operation in context.Operations)
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var variable in operation.Variables?.Items ?? [])
            {
                defined.Add(variable.Variable.Name.StringValue);
            }

            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var usage in context.RecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.StringValue;
                if (!defined.Contains(name) && reported.Add(name))
                {
                    var message = operation.Name is null
                        ? $"Variable \"${name}\" is not defined."
                        : $"Variable \"${name}\" is not defined by operation \"{operation.Name.StringValue}\".";
                    context.Report(message, usage.Node, operation);
                }
            }
        }
    }
}
