using Engine.Metadata.Definitions;
using Engine.Metadata.Json;
using Engine.Metadata.Validation;
using Engine.MetadataStore;
using Engine.Runtime;

namespace Engine.Host.Meta;

/// <summary>The metadata API (SPEC §2): read, change and apply resource definitions, and the version history.</summary>
public static class MetadataEndpoints
{
    /// <summary>Maps <c>/meta</c> and its sub-resources.</summary>
    public static IEndpointRouteBuilder MapMetadataApi(this IEndpointRouteBuilder endpoints)
    {
        var meta = endpoints.MapGroup("/meta").AddEndpointFilter<AdminOnlyFilter>();
        meta.MapGet("", GetDocument);
        meta.MapGet("/resources/{name}", GetResource);
        meta.MapPut("/resources/{name}", PutResource);
        meta.MapDelete("/resources/{name}", DeleteResource);
        meta.MapPost("/apply", Apply);
        meta.MapGet("/history", History);
        meta.MapGet("/proto", ProtoText.Get);
        return endpoints;
    }

    private static IResult GetDocument(MetadataRuntime runtime) =>
        MetaResults.Json(runtime.Stored!.ToDocument());

    private static IResult GetResource(string name, MetadataRuntime runtime, HttpContext http)
    {
        var stored = runtime.Stored!;
        var resource = stored.Resource(name);
        if (resource is null)
        {
            return MetaResults.Errors(StatusCodes.Status404NotFound, "name", $"there is no resource named '{name}'");
        }

        http.Response.Headers.ETag = EntityTags.Format(stored.Version);
        return MetaResults.Json(resource.Definition);
    }

    private static async Task<IResult> PutResource(string name, HttpContext http, MetadataRuntime runtime, CancellationToken cancellationToken)
    {
        var body = await RequestBodies.ReadAsync(http, cancellationToken).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var parsed = MetadataJson.ParseResource(body.Bytes);
        if (!parsed.Succeeded)
        {
            return MetaResults.Errors(StatusCodes.Status400BadRequest, parsed.Errors);
        }

        var definition = parsed.Value;
        if (string.IsNullOrEmpty(definition.Name))
        {
            definition = definition with { Name = name };
        }
        else if (!string.Equals(definition.Name, name, StringComparison.Ordinal))
        {
            return MetaResults.Errors(StatusCodes.Status400BadRequest, "name",
                $"the body defines '{definition.Name}' but the URL names '{name}'; they must be the same");
        }

        var change = new PutResource(definition) { Author = "", AllowDestructive = Query.Flag(http, "allowDestructive") };
        return await ApplyAsync(change, http, runtime, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> DeleteResource(string name, HttpContext http, MetadataRuntime runtime, CancellationToken cancellationToken)
    {
        // A delete is destructive by nature; ?force=true is its guard (rows, relations), not allowDestructive.
        var change = new DeleteResource(name) { Author = "", Force = Query.Flag(http, "force"), AllowDestructive = true };
        return await ApplyAsync(change, http, runtime, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> Apply(HttpContext http, MetadataRuntime runtime, CancellationToken cancellationToken)
    {
        var body = await RequestBodies.ReadAsync(http, cancellationToken).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var parsed = MetadataJson.ParseDocument(body.Bytes);
        if (!parsed.Succeeded)
        {
            return MetaResults.Errors(StatusCodes.Status400BadRequest, parsed.Errors);
        }

        var change = new ApplyDocument(parsed.Value.Resources) { Author = "", AllowDestructive = Query.Flag(http, "allowDestructive") };
        return await ApplyAsync(change, http, runtime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds what every change takes from the request (author, If-Match, dryRun), applies it and maps the outcome.</summary>
    private static async Task<IResult> ApplyAsync(MetadataChange change, HttpContext http, MetadataRuntime runtime, CancellationToken cancellationToken)
    {
        if (!EntityTags.TryParseIfMatch(http.Request, out var ifMatch))
        {
            return MetaResults.Errors(StatusCodes.Status400BadRequest, "If-Match", "If-Match must be a metadata version number");
        }

        change = change with { Author = Callers.Name(http), IfMatch = ifMatch, DryRun = Query.Flag(http, "dryRun") };
        return MetaResults.Change(await runtime.ApplyAsync(change, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> History(HttpContext http, VersionedMetadataStore store, CancellationToken cancellationToken)
    {
        var limit = 100;
        if (http.Request.Query.TryGetValue("limit", out var text)
            && (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10_000))
        {
            return MetaResults.Errors(StatusCodes.Status400BadRequest, "limit", "limit must be a whole number from 1 to 10000");
        }

        var versions = await store.HistoryAsync(limit, cancellationToken).ConfigureAwait(false);
        return MetaResults.History(versions);
    }

    private static class Query
    {
        public static bool Flag(HttpContext http, string name) =>
            http.Request.Query.TryGetValue(name, out var v) && (v.Count == 0 || string.Equals(v[0], "true", StringComparison.OrdinalIgnoreCase) || v[0] == "");
    }
}
