using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Operations;

/// <summary>
/// The Dockerfile and the Kubernetes manifests (deploy/), checked without Docker or a cluster by the npm client
/// tests/clients/k8s-validate: overlays rendered (the kustomize subset they use) and validated against the Kubernetes
/// OpenAPI schemas plus the engine's needs; the Dockerfile linted (dockerfilelint) and its essentials asserted.
/// </summary>
public sealed class DeploymentFilesTests
{
    private const string Client = "k8s-validate";

    [Theory]
    [InlineData("postgres")]
    [InlineData("cockroach")]
    public async Task Overlay_Rendered_ValidAgainstKubernetesSchemasAndEngineNeeds(string overlay)
    {
        var (exitCode, output) = await NodeClient.RunAsync(Client, "validate.mjs", RepositoryPaths.Combine("deploy", "overlays", overlay), overlay);

        Assert.True(exitCode == 0, output);
        foreach (var kind in new[] { "Deployment/engine", "Service/engine", "HorizontalPodAutoscaler/engine", "PodDisruptionBudget/engine",
            "ConfigMap/engine-config", "Secret/engine-secrets" })
        {
            Assert.Contains(kind, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Overlay_OtherDialectExpected_FailsNamingTheSetting()
    {
        var (exitCode, output) = await NodeClient.RunAsync(Client, "validate.mjs", RepositoryPaths.Combine("deploy", "overlays", "cockroach"), "postgres");

        Assert.Equal(1, exitCode);
        Assert.Contains("Engine__Dialect is postgres (found cockroach)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dockerfile_Linted_HasTheImageEssentials()
    {
        var (exitCode, output) = await NodeClient.RunAsync(Client, "dockerfile.mjs", RepositoryPaths.Combine("Dockerfile"));

        Assert.True(exitCode == 0, output);
        Assert.Equal("ok", output.Trim());
    }
}
