using System.Net;
using System.Net.Sockets;

namespace Supervision.Grains.Fetching;

/// <summary>
/// The IPv4 addresses an IPv6 transition address leads to. A connection to ::ffff:10.0.0.1, ::10.0.0.1,
/// 64:ff9b::10.0.0.1, a 6to4 2002:0a00:0001:: or a Teredo address ends at (or tunnels through) those IPv4
/// hosts, so the fetch rule judges them as the IPv4 addresses they are.
/// </summary>
public static class EmbeddedIPv4
{
    public static IReadOnlyList<IPAddress> Of(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return [];
        var bytes = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6 || IsZero(bytes.AsSpan(0, 12)))
            return [V4(bytes, 12)];
        if (bytes.AsSpan(0, 12).SequenceEqual(WellKnownNat64Prefix))
            return [V4(bytes, 12)];
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
            return [V4(bytes, 2)];
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0)
            return [V4(bytes, 4), TeredoClient(bytes)];
        return [];
    }

    /// <summary>64:ff9b::/96 (RFC 6052).</summary>
    private static readonly byte[] WellKnownNat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);

    private static IPAddress V4(byte[] bytes, int offset) => new(bytes.AsSpan(offset, 4));

    /// <summary>Teredo (RFC 4380) carries the server's address in bits 32–63 and the client's, inverted, in the last 32.</summary>
    private static IPAddress TeredoClient(byte[] bytes) =>
        new([(byte)~bytes[12], (byte)~bytes[13], (byte)~bytes[14], (byte)~bytes[15]]);
}
