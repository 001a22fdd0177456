using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Engine.Grpc.Serving;

/// <summary>
/// A route builder that is not the application's: Grpc.AspNetCore maps a service onto it, and
/// <see cref="ResourceServiceEndpoints"/> takes the endpoints it produced and publishes them itself.
/// </summary>
internal sealed class PrivateRouteBuilder(IServiceProvider services) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider { get; } = services;

    public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);
}
