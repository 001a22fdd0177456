namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.5.1.4: every fragment is used by some operation (directly or through other fragments).</summary>
internal sealed class NoUnusedFragments : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in context.Operations)
        {
            foreach (var fragment in context.RecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.FragmentName.Name.StringValue);
            }
        }

        foreach (var fragment in context.FragmentDefinitions)
        {
            var name = fragment.FragmentName.Name.StringValue;
            if (!used.Contains(name))
            {
                context.Report($"Fragment \"{name}\" is never used.", fragment);
            }
        }
    }
}
