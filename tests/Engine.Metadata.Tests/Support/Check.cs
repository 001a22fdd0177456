using Engine.Metadata.Definitions;
using Engine.Metadata.Validation;

namespace Engine.Metadata.Tests.Support;

/// <summary>Runs the validator the way a PUT does and asserts on its errors.</summary>
internal static class Check
{
    /// <summary>Validates <paramref name="resource"/> as a member of itself plus <paramref name="others"/>.</summary>
    public static IReadOnlyList<ValidationError> Resource(ResourceDefinition resource, params ResourceDefinition[] others) =>
        MetadataValidator.ValidateResource(resource, [resource, .. others]);

    public static void Valid(IReadOnlyList<ValidationError> errors) =>
        Assert.True(errors.Count == 0, "expected no errors, got:\n" + Show(errors));

    /// <summary>Asserts exactly one error, at <paramref name="path"/>, whose message mentions every one of <paramref name="mentions"/>.</summary>
    public static ValidationError OneError(IReadOnlyList<ValidationError> errors, string path, params string[] mentions)
    {
        Assert.True(errors.Count == 1, "expected one error, got:\n" + Show(errors));
        var error = errors[0];
        Assert.Equal(path, error.Path);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        }

        return error;
    }

    private static string Show(IReadOnlyList<ValidationError> errors) => string.Join("\n", errors.Select(e => $"  {e.Path}: {e.Message}"));
}
