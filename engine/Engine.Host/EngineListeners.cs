using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Engine.Host;

/// <summary>
/// The engine's two Kestrel endpoints: HTTP/1.1 + HTTP/2 on <c>Engine:HttpPort</c>, cleartext HTTP/2 only (gRPC) on
/// <c>Engine:GrpcPort</c>. Port 0 picks a free port; once the server has started, the addresses say which it bound.
/// </summary>
public sealed class EngineListeners
{
    private ListenOptions? http;
    private ListenOptions? grpc;

    /// <summary>The HTTP address, e.g. <c>http://127.0.0.1:40123</c>; null when <c>urls</c> configured Kestrel instead.</summary>
    public Uri? HttpAddress => Address(http);

    /// <summary>The gRPC (HTTP/2) address; null when <c>urls</c> configured Kestrel instead.</summary>
    public Uri? GrpcAddress => Address(grpc);

    internal void Configure(KestrelServerOptions kestrel, IPAddress address, int httpPort, int grpcPort)
    {
        kestrel.Listen(address, httpPort, o =>
        {
            o.Protocols = HttpProtocols.Http1AndHttp2;
            http = o;
        });
        kestrel.Listen(address, grpcPort, o =>
        {
            // Without TLS there is no protocol negotiation: a port speaks HTTP/2 from the first byte, or not at all.
            o.Protocols = HttpProtocols.Http2;
            grpc = o;
        });
    }

    // Kestrel replaces a listen endpoint with the one it bound, so port 0 reads back as the chosen port.
    private static Uri? Address(ListenOptions? options) =>
        options?.EndPoint is IPEndPoint endpoint ? new Uri($"http://{FormatHost(endpoint.Address)}:{endpoint.Port}") : null;

    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
