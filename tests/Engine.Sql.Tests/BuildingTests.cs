using Engine.Metadata.Model;
using Engine.Query.Plans;
using Engine.Sql.Building;
using Engine.Sql.Compiling;
using Engine.Sql.Tests.Support;
using NpgsqlTypes;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>The building blocks every statement goes through: quoting, LIKE escaping and parameter typing.</summary>
public sealed class BuildingTests
{
    [Theory]
    [InlineData("post", "\"post\"")]
    [InlineData("user", "\"user\"")]
    [InlineData("we\"ird", "\"we\"\"ird\"")]
    public void Quote_Identifier_IsDoubleQuotedWithQuotesDoubled(string name, string expected) =>
        Assert.Equal(expected, SqlIdentifier.Quote(name));

    [Fact]
    public void Quote_EmptyOrNul_Throws()
    {
        Assert.Throws<ArgumentException>(() => SqlIdentifier.Quote(""));
        Assert.Throws<ArgumentException>(() => SqlIdentifier.Quote("a\0b"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("50%", "50\\%")]
    [InlineData("a_b", "a\\_b")]
    [InlineData("c:\\dir", "c:\\\\dir")]
    public void EscapeLike_Wildcards_AreEscapedWithBackslash(string value, string expected) =>
        Assert.Equal(expected, PostgresCompiler.EscapeLike(value));

    [Fact]
    public void Array_EmptyList_IsTypedByScalarKind()
    {
        var parameter = ParameterFactory.Array([], ScalarKind.Id);

        Assert.Equal(NpgsqlDbType.Array | NpgsqlDbType.Uuid, parameter.NpgsqlDbType);
        Assert.Empty(Assert.IsType<Guid[]>(parameter.Value));
    }

    [Fact]
    public void Array_MixedNumbersAndNulls_ConvertsToTheKindAndDropsNulls()
    {
        var parameter = ParameterFactory.Array([1, 2L, null], ScalarKind.Long);

        Assert.Equal([1L, 2L], Assert.IsType<long[]>(parameter.Value));
    }

    [Fact]
    public void Scalar_UnspecifiedDateTime_IsTakenAsUtc()
    {
        var parameter = ParameterFactory.Scalar(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Unspecified), ScalarKind.DateTime);

        Assert.Equal(DateTimeKind.Utc, Assert.IsType<DateTime>(parameter.Value).Kind);
        Assert.Equal(NpgsqlDbType.TimestampTz, parameter.NpgsqlDbType);
    }

    [Fact]
    public void Scalar_NullValue_IsTypedByScalarKind()
    {
        var parameter = ParameterFactory.Scalar(null, ScalarKind.Json);

        Assert.Equal(DBNull.Value, parameter.Value);
        Assert.Equal(NpgsqlDbType.Jsonb, parameter.NpgsqlDbType);
    }

    [Fact]
    public void Scalar_UnsupportedType_Throws() =>
        Assert.Throws<ArgumentException>(() => ParameterFactory.Scalar(new object(), ScalarKind.String));

    [Fact]
    public void Compile_ResponseKeyWithQuote_IsEscapedAndValuesAreParameters()
    {
        var model = BlogModel.Build();
        var post = model.Resource("Post")!;

        var statement = PostgresCompiler.Compile(
            new FindUniquePlan("post", post, Eq(post, "title", "'; DROP TABLE post; --"), Select(Field(post, "title", "it's"))), model);

        Assert.Contains("'it''s'", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP", statement.Text, StringComparison.Ordinal);
        Assert.Equal("'; DROP TABLE post; --", Assert.Single(statement.Parameters).Value);
    }
}
