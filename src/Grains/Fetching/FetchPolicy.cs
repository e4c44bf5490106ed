using System.Net;
using System.Net.Sockets;

namespace Supervision.Grains.Fetching;

/// <summary>
/// SPEC rule 12: outbound calls reach public addresses only, unless the operator allows a host or
/// network (SUPERVISION_FETCH_ALLOW). The check runs when connecting, on every resolved address,
/// and the socket connects to the address that was checked, so DNS cannot swap it afterwards.
/// </summary>
public sealed class FetchPolicy
{
    private readonly HashSet<string> _allowedHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _allowedNetworks = [];

    public FetchPolicy(string? allowList)
    {
        foreach (var item in (allowList ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(item, out var network)) _allowedNetworks.Add(network);
            else if (IPAddress.TryParse(item, out var address)) _allowedNetworks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else if (item.Contains('/'))
                throw new ArgumentException($"SUPERVISION_FETCH_ALLOW: '{item}' is not a network (address/prefix length, e.g. 10.0.0.0/8)");
            else _allowedHosts.Add(item);
        }
    }

    public static bool IsAllowedScheme(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    public bool IsAllowed(string host, IPAddress address) => _allowedHosts.Contains(host) || IsAllowed(address);

    /// <summary>
    /// An address the allow list names passes as it is; one that embeds IPv4 addresses passes when each of those
    /// would, allow list included (an allowed 10.0.0.0/8 admits ::ffff:10.1.2.3); any other must be public.
    /// </summary>
    private bool IsAllowed(IPAddress address)
    {
        if (_allowedNetworks.Exists(n => n.Contains(address))) return true;
        var embedded = EmbeddedIPv4.Of(address);
        return embedded.Count > 0 ? embedded.All(IsAllowed) : !SpecialPurposeAddresses.Contains(address);
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await Dns.GetHostAddressesAsync(host, cancellation);
        if (addresses.Length == 0 || !Array.TrueForAll(addresses, a => IsAllowed(host, a)))
            throw new FetchRefusedException(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(addresses[0], context.DnsEndPoint.Port), cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        ConnectCallback = ConnectAsync,
        ConnectTimeout = connectTimeout,
        AllowAutoRedirect = false,
        UseProxy = false,
    };
}
