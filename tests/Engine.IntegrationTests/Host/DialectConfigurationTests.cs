using Engine.Dialects;
using Engine.Host;
using Engine.MetadataStore;
using Engine.Query.Execution;
using Engine.Sql.Dialects;
using Engine.Sql.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.IntegrationTests.Host;

/// <summary><c>Engine__Dialect</c> (SPEC §7) picks the SQL dialect when the engine is built; a wrong value stops it at once.</summary>
public sealed class DialectConfigurationTests
{
    private const string Prefix = "DIALECT_TEST_";

    [Fact]
    public async Task Build_EngineDialectCockroachFromEnvironment_UsesTheCockroachDialectEverywhere()
    {
        var variable = Prefix + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(variable + "Engine__Dialect", "cockroach");
        try
        {
            await using var app = Build(builder => builder.Configuration.AddEnvironmentVariables(variable));

            Assert.True(app.Services.GetRequiredService<DatabaseDialect>().IsCockroach);
            Assert.IsType<CockroachPlanExecutor>(app.Services.GetRequiredService<IPlanExecutor>());
            Assert.True(app.Services.GetRequiredService<VersionedMetadataStore>().Dialect.IsCockroach);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable + "Engine__Dialect", null);
        }
    }

    [Fact]
    public async Task Build_EngineDialectUnset_UsesPostgres()
    {
        await using var app = Build(_ => { });

        Assert.False(app.Services.GetRequiredService<DatabaseDialect>().IsCockroach);
        Assert.IsType<SqlPlanExecutor>(app.Services.GetRequiredService<IPlanExecutor>());
    }

    [Fact]
    public void Build_UnknownEngineDialect_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(builder => builder.Configuration["Engine:Dialect"] = "oracle"));

        Assert.Contains("Engine:Dialect (environment Engine__Dialect) is 'oracle'", error.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Action<WebApplicationBuilder> configure) => EngineApplication.Build([], builder =>
    {
        builder.Configuration["ConnectionStrings:Engine"] = "Host=127.0.0.1;Port=1;Database=unused";
        builder.Configuration["Engine:HttpPort"] = "0";
        builder.Configuration["Engine:GrpcPort"] = "0";
        configure(builder);
    });
}
