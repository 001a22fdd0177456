using Engine.GraphQL.Http;
using Engine.GraphQL.Planning;
using Microsoft.Extensions.Configuration;

namespace Engine.GraphQL.Tests.Http;

public class GraphQLOptionsTests
{
    [Fact]
    public void From_EmptyConfiguration_KeepsDefaults()
    {
        var options = GraphQLOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal(PlanningLimits.Default, options.Limits);
        Assert.Equal(1024 * 1024, options.MaxRequestBytes);
    }

    [Fact]
    public void From_Settings_AreRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engine:MaxPageSize"] = "50",
            ["Engine:MaxQueryDepth"] = "4",
            ["Engine:MaxQueryNodes"] = "5000",
            ["GraphQL:MaxRequestBytes"] = "2048",
        }).Build();

        var options = GraphQLOptions.From(configuration);

        Assert.Equal(new PlanningLimits(50, 4, 5000), options.Limits);
        Assert.Equal(2048, options.MaxRequestBytes);
    }

    [Fact]
    public void From_NonPositiveValue_IsRejected()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:MaxPageSize"] = "0" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => GraphQLOptions.From(configuration));
        Assert.Contains("Engine:MaxPageSize", error.Message, StringComparison.Ordinal);
    }
}
