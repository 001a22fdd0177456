using Engine.Dialects;

namespace Engine.Dialects.Tests;

public sealed class DatabaseDialectTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("postgres")]
    [InlineData("Postgres")]
    public void FromConfiguration_UnsetOrPostgres_IsPostgresWithoutRetries(string? value)
    {
        var dialect = DatabaseDialect.FromConfiguration(value);

        Assert.Equal(SqlDialect.Postgres, dialect.Dialect);
        Assert.Equal(1, dialect.Retry.MaxAttempts);
    }

    [Theory]
    [InlineData("cockroach")]
    [InlineData(" COCKROACH ")]
    public void FromConfiguration_Cockroach_IsCockroachWithRetries(string value)
    {
        var dialect = DatabaseDialect.FromConfiguration(value);

        Assert.True(dialect.IsCockroach);
        Assert.Same(TransactionRetryPolicy.Cockroach, dialect.Retry);
    }

    [Fact]
    public void FromConfiguration_UnknownValue_ThrowsNamingTheKeyAndTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseDialect.FromConfiguration("mysql"));

        Assert.Contains("Engine:Dialect", error.Message, StringComparison.Ordinal);
        Assert.Contains("Engine__Dialect", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mysql'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cockroach'", error.Message, StringComparison.Ordinal);
    }
}
