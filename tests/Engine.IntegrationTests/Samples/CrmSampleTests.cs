using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Samples;

/// <summary>The CRM sample loads through the public APIs (as scripts/load-samples does) and answers nested queries.</summary>
public sealed partial class CrmSampleTests : IAsyncLifetime
{
    // The sample defines fixed resource names, so it gets an engine and database of its own.
    private readonly EngineServer engine = new();

    public Task InitializeAsync() => engine.InitializeAsync();

    public Task DisposeAsync() => engine.DisposeAsync();

    [Fact]
    public async Task LoadSample_ApplyAndSeed_ServesNestedQueries()
    {
        var metadata = await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "crm", "metadata.json"));
        using (var apply = await engine.Http.PostAsync("/meta/apply", new StringContent(metadata, Encoding.UTF8, "application/json")))
        {
            Assert.True(apply.StatusCode == HttpStatusCode.OK, await apply.Content.ReadAsStringAsync());
        }

        // Applying the same document again changes nothing.
        using (var again = await engine.Http.PostAsync("/meta/apply", new StringContent(metadata, Encoding.UTF8, "application/json")))
        {
            var body = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
            Assert.Empty(body["plan"]!.AsArray());
        }

        var seed = await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "crm", "seed.graphql"));
        foreach (Match operation in OperationNames().Matches(seed))
        {
            var response = await engine.GraphQLAsync(seed, operationName: operation.Groups[1].Value);
            Assert.True(response["errors"] is null, $"{operation.Groups[1].Value}: {response.ToJsonString()}");
        }

        var data = await engine.QueryAsync("""
            { deals(where: { stage_in: [PROPOSAL, QUALIFIED], company: { industry: MANUFACTURING } }, orderBy: amount_DESC) {
                code title amount company { name } owner { email } } }
            """);
        var deal = data["deals"]!.AsArray().Single()!;
        Assert.Equal("D-1001", deal["code"]!.GetValue<string>());
        Assert.Equal("125000.00", deal["amount"]!.GetValue<string>());
        Assert.Equal("Acme Corporation", deal["company"]!["name"]!.GetValue<string>());
        Assert.Equal("wile@acme.example", deal["owner"]!["email"]!.GetValue<string>());

        var companies = await engine.QueryAsync("{ companies(orderBy: name_ASC) { name } }");
        Assert.Equal(5, companies["companies"]!.AsArray().Count);
        var activities = await engine.QueryAsync("""{ activities(where: { deal: { code: "D-1001" } }, orderBy: happenedAt_ASC) { subject details } }""");
        Assert.Equal(["Discovery call", "Sent proposal PDF"], activities["activities"]!.AsArray().Select(a => a!["subject"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GraphqlJs_LiveIntrospection_BuildsSchemaAndValidatesSampleOperations()
    {
        var metadata = await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "crm", "metadata.json"));
        using (var apply = await engine.Http.PostAsync("/meta/apply", new StringContent(metadata, Encoding.UTF8, "application/json")))
        {
            Assert.True(apply.StatusCode == HttpStatusCode.OK, await apply.Content.ReadAsStringAsync());
        }

        // graphql-js (npm), independent of the engine, loads the live schema by introspection over HTTP and validates
        // OpenCRUD operations for every sample resource, plus the sample's own seed operations.
        var (exitCode, output) = await NodeClient.RunAsync(AdminAccess.NodeEnvironment(engine.AdminToken), "graphql-js", "check-introspection.mjs",
            new Uri(engine.BaseAddress, "/graphql").ToString(), "Company", "Contact", "Deal", "Activity", "Tag",
            "--operations", RepositoryPaths.Combine("samples", "crm", "seed.graphql"));

        Assert.True(exitCode == 0, output);
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
        Assert.Contains("ok   Deal: create", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^mutation (\w+)", RegexOptions.Multiline)]
    private static partial Regex OperationNames();
}
