using System.Net;
using Engine.Host.Admin;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Host;

/// <summary>
/// <c>/admin</c> serves the built admin designer from <c>Engine:AdminDesignerPath</c>: static files, index.html for the
/// app's own routes, and a 404 that says how to build it when there is nothing to serve.
/// </summary>
public sealed class AdminDesignerEndpointsTests : IDisposable
{
    private const string Index = "<!doctype html><title>admin</title>";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("admin-designer-");

    public AdminDesignerEndpointsTests()
    {
        File.WriteAllText(Path.Combine(folder.FullName, "index.html"), Index);
        Directory.CreateDirectory(Path.Combine(folder.FullName, "assets"));
        File.WriteAllText(Path.Combine(folder.FullName, "assets", "index-abc123.js"), "console.log(1)");
    }

    [Fact]
    public async Task Admin_BuiltApp_ServesFilesAndIndexForAppRoutes()
    {
        await using var engine = await StartAsync(folder.FullName);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = engine.BaseAddress };

        using var bare = await http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/admin/", bare.Headers.Location!.ToString());

        foreach (var path in new[] { "/admin/", "/admin/callback?code=abc&state=xyz", "/admin/some/deep/route" })
        {
            using var page = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Index, await page.Content.ReadAsStringAsync());
            Assert.True(page.Headers.CacheControl!.NoCache, path);
        }

        using var asset = await http.GetAsync("/admin/assets/index-abc123.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("console.log(1)", await asset.Content.ReadAsStringAsync());
        Assert.Contains("immutable", asset.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_NotBuilt_Answers404SayingHowToBuildIt()
    {
        await using var engine = await StartAsync(Path.Combine(folder.FullName, "missing"));

        using var response = await engine.Http.GetAsync("/admin/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("npm run build", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await engine.Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public void Resolve_NotConfigured_FindsAdminDesignerDistAboveTheContentRoot()
    {
        var dist = Directory.CreateDirectory(Path.Combine(folder.FullName, "admin-designer", "dist"));
        File.WriteAllText(Path.Combine(dist.FullName, "index.html"), Index);
        var contentRoot = Directory.CreateDirectory(Path.Combine(folder.FullName, "engine", "bin", "Release"));

        Assert.Equal(dist.FullName, AdminDesignerFolder.Resolve(null, contentRoot.FullName));
        Assert.Equal(folder.FullName, AdminDesignerFolder.Resolve(folder.FullName, contentRoot.FullName));
        Assert.Null(AdminDesignerFolder.Resolve(contentRoot.FullName, contentRoot.FullName));
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static async Task<OwnedEngine> StartAsync(string path)
    {
        var engine = new EngineServer();
        engine.Settings[AdminDesignerEndpoints.PathSetting] = path;
        await engine.InitializeAsync();
        return new OwnedEngine(engine);
    }

    /// <summary>An engine started for one test and disposed with it.</summary>
    private sealed class OwnedEngine(EngineServer server) : IAsyncDisposable
    {
        public Uri BaseAddress => server.BaseAddress;

        public HttpClient Http => server.Http;

        public ValueTask DisposeAsync() => new(server.DisposeAsync());
    }
}
