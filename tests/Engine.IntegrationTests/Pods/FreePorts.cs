using System.Net;
using System.Net.Sockets;

namespace Engine.IntegrationTests.Pods;

/// <summary>Picks loopback ports nobody listens on, for processes that must be told their port before they start.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
