namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.8.4: every variable an operation defines is used by it (in its fragments too).</summary>
internal sealed class NoUnusedVariables : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var operation in context.Operations)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var usage in context.RecursiveVariableUsages(operation))
            {
                used.Add(usage.Node.Name.StringValue);
            }

            foreach (var variable in operation.Variables?.Items ?? [])
            {
                var name = variable.Variable.Name.StringValue;
                if (!used.Contains(name))
                {
                    var message = operation.Name is null
                        ? $"Variable \"${name}\" is never used."
                        : $"Variable \"${name}\" is never used in operation \"{operation.Name.StringValue}\".";
                    context.Report(message, variable);
                }
            }
        }
    }
}
