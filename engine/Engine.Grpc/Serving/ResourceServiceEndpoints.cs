using Engine.Metadata.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Engine.Grpc.Serving;

/// <summary>
/// The routing endpoints of every resource's service, following the metadata: <see cref="Publish"/> replaces the set
/// and fires the change token, so routing adds, replaces and removes services without a restart. Each service is
/// mapped by Grpc.AspNetCore's own <c>MapGrpcService(ServerServiceDefinition)</c>, so calls keep the whole pipeline
/// (deadlines, cancellation, size limits, compression, interceptors).
/// </summary>
public sealed class ResourceServiceEndpoints(IServiceProvider services, ResourceCalls calls) : EndpointDataSource
{
    private readonly Lock gate = new();
    private Dictionary<string, MappedService> mapped = new(StringComparer.Ordinal);
    private IReadOnlyList<Endpoint> endpoints = [];
    private CancellationTokenSource changed = new();

    /// <inheritdoc/>
    public override IReadOnlyList<Endpoint> Endpoints => Volatile.Read(ref endpoints);

    /// <inheritdoc/>
    public override IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref changed).Token);

    /// <summary>Serves exactly the services of <paramref name="resources"/>; a service whose names are unchanged keeps its endpoints.</summary>
    public void Publish(IReadOnlyList<ResourceModel> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        CancellationTokenSource fired;
        lock (gate)
        {
            var next = new Dictionary<string, MappedService>(resources.Count, StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                next[resource.Name] = mapped.TryGetValue(resource.Name, out var old) && old.Plural == resource.Plural
                    ? old
                    : new MappedService(resource.Plural, Map(resource.Name, resource.Plural));
            }

            mapped = next;
            Volatile.Write(ref endpoints, next.Values.SelectMany(s => s.Endpoints).ToArray());
            fired = changed;
            Volatile.Write(ref changed, new CancellationTokenSource());
        }

        fired.Cancel();
        fired.Dispose();
    }

    private Endpoint[] Map(string resource, string plural)
    {
        var builder = new PrivateRouteBuilder(services);
        builder.MapGrpcService(ResourceServiceDefinition.Build(resource, plural, calls));
        // The application already has Grpc.AspNetCore's catch-all for unknown services; a second one would be ambiguous.
        return builder.DataSources
            .SelectMany(d => d.Endpoints)
            .Where(e => e is not RouteEndpoint route || !route.RoutePattern.RawText!.StartsWith("{", StringComparison.Ordinal))
            .ToArray();
    }

    private sealed record MappedService(string Plural, Endpoint[] Endpoints);
}
