using System.Net;
using System.Net.Sockets;

namespace DurableLessons.Testing.Engines;

/// <summary>A loopback TCP port that was free a moment ago (the system picks it for a socket bound to port 0).</summary>
public static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
