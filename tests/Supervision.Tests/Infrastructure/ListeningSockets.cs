using System.Globalization;
using System.Net;

namespace Supervision.Tests.Infrastructure;

/// <summary>
/// The TCP sockets in the LISTEN state on this machine, read from the kernel's /proc/net/tcp and tcp6, so a test sees
/// the address another process really bound rather than what it was configured with.
/// </summary>
public static class ListeningSockets
{
    private const string Listen = "0A";

    public static IReadOnlyList<IPAddress> AddressesOn(int port) =>
        Read("/proc/net/tcp").Concat(Read("/proc/net/tcp6")).Where(e => e.Port == port).Select(e => e.Address).ToList();

    private static IEnumerable<IPEndPoint> Read(string table)
    {
        if (!File.Exists(table))
            yield break;

        // "  sl  local_address rem_address   st ...": local_address is the address in hex, in the kernel's byte order, then the port.
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || fields[3] != Listen)
                continue;
            var local = fields[1].Split(':');
            yield return new IPEndPoint(Address(local[0]), int.Parse(local[1], NumberStyles.HexNumber));
        }
    }

    /// <summary>The kernel prints each 32-bit word of the address as a little-endian hex number.</summary>
    private static IPAddress Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
            Array.Reverse(bytes, word, 4);
        return new IPAddress(bytes);
    }
}
