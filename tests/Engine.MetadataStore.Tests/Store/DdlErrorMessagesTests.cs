using Engine.MetadataStore.Planning;
using Engine.MetadataStore.Store;
using Npgsql;

namespace Engine.MetadataStore.Tests.Store;

public class DdlErrorMessagesTests
{
    private static PostgresException Error(string sqlState) => new("raw database text", "ERROR", "ERROR", sqlState);

    private static MigrationStep Step(string kind) => new(kind, "invoice", "number", "A step.", "SQL", false, null);

    [Theory]
    [InlineData(PostgresErrorCodes.NotNullViolation, MigrationStepKinds.AddColumn, "Cannot add the required column invoice.number")]
    [InlineData(PostgresErrorCodes.NotNullViolation, MigrationStepKinds.SetNotNull, "Cannot make invoice.number required")]
    [InlineData(PostgresErrorCodes.UniqueViolation, MigrationStepKinds.AddUnique, "Cannot make invoice.number unique")]
    [InlineData(PostgresErrorCodes.CheckViolation, MigrationStepKinds.AddCheck, "break the new rule on number")]
    [InlineData(PostgresErrorCodes.InvalidTextRepresentation, MigrationStepKinds.AlterColumnType, "cannot be converted to the new type")]
    [InlineData(PostgresErrorCodes.LockNotAvailable, MigrationStepKinds.AddColumn, "busy")]
    public void Describe_KnownError_SaysWhatToDo(string sqlState, string kind, string expected)
    {
        var message = DdlErrorMessages.Describe(Error(sqlState), Step(kind));

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("raw database text", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnknownError_NamesTheStep()
    {
        Assert.Equal("The database refused the step \"A step.\".", DdlErrorMessages.Describe(Error("XX000"), Step(MigrationStepKinds.AddColumn)));
    }
}
