using Engine.GraphQL.Http;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Tests.Execution;
using Engine.Query.Execution;
using Engine.Runtime;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.GraphQL.Tests.Http;

public class GraphQLEndpointsTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:MaxPageSize"] = "25" })
        .Build();

    [Fact]
    public void AddEngineGraphQL_RegistersTheHandlerLimitsAndSnapshotCompiler()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IPlanExecutor>(new RecordingPlanExecutor())
            .AddSingleton(new SnapshotHolder())
            .AddEngineGraphQL(Configuration);

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<GraphQLHttpHandler>());
        Assert.IsType<ClaimsRequestContextProvider>(provider.GetRequiredService<IRequestContextProvider>());
        Assert.Equal(25, provider.GetRequiredService<PlanningLimits>().MaxPageSize);
        Assert.Contains(provider.GetServices<ISnapshotCompiler>(), c => c is GraphQLSnapshotCompiler);
    }

    [Fact]
    public void MapEngineGraphQL_MapsGetAndPostOnGraphql()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IPlanExecutor>(new RecordingPlanExecutor()).AddSingleton(new SnapshotHolder()).AddEngineGraphQL(Configuration);
        var app = builder.Build();

        app.MapEngineGraphQL();

        var endpoint = Assert.IsType<RouteEndpoint>(Assert.Single(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)));
        Assert.Equal("/graphql", endpoint.RoutePattern.RawText);
        Assert.Equal(["GET", "POST"], endpoint.Metadata.GetRequiredMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().HttpMethods);
    }
}
