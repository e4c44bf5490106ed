using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// A loopback port nothing listens on, handed out once per test run: the kernel may offer a port again as soon as it
/// is released, and two tests starting servers at once would then be given the same one, one of them talking to the
/// other's server (a CI run met a 401 from another test's front so).
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }
    }
}
