using System.Net;
using System.Net.Sockets;

namespace Supervision.Grains.Fetching;

/// <summary>
/// Addresses that are not public unicast hosts: the IANA special-purpose registries (RFC 6890 and later) that are
/// not globally reachable, plus multicast and broadcast. IPv6 outside 2000::/3 is unassigned, local or a translation
/// prefix (64:ff9b:1::/48, RFC 8215), so only global unicast passes; the transition forms that embed an IPv4
/// address are judged by <see cref="EmbeddedIPv4"/> before this.
/// </summary>
public static class SpecialPurposeAddresses
{
    public static bool Contains(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork
        ? V4.Exists(n => n.Contains(address))
        : !GlobalUnicastV6.Contains(address) || V6.Exists(n => n.Contains(address));

    private static readonly List<IPNetwork> V4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),         // "this network"
        IPNetwork.Parse("10.0.0.0/8"),        // private
        IPNetwork.Parse("100.64.0.0/10"),     // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),       // loopback
        IPNetwork.Parse("169.254.0.0/16"),    // link-local, where cloud metadata services answer
        IPNetwork.Parse("172.16.0.0/12"),     // private
        IPNetwork.Parse("192.0.0.0/24"),      // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),      // documentation (TEST-NET-1)
        IPNetwork.Parse("192.88.99.0/24"),    // deprecated 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),    // private
        IPNetwork.Parse("198.18.0.0/15"),     // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),   // documentation (TEST-NET-2)
        IPNetwork.Parse("203.0.113.0/24"),    // documentation (TEST-NET-3)
        IPNetwork.Parse("224.0.0.0/4"),       // multicast
        IPNetwork.Parse("240.0.0.0/4"),       // reserved, and 255.255.255.255 broadcast
    ];

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    private static readonly List<IPNetwork> V6 =
    [
        IPNetwork.Parse("2001::/23"),         // IETF protocol assignments: benchmarking, ORCHID, AMT and the like
        IPNetwork.Parse("2001:db8::/32"),     // documentation
        IPNetwork.Parse("3fff::/20"),         // documentation (RFC 9637)
    ];
}
