namespace Supervision.Tests.Infrastructure;

/// <summary>Well-formed values for tests: unique codes and resident ID numbers with a correct check character.</summary>
public static class TestIds
{
    private static int sequence;

    public static string Code(string prefix = "c") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(32, prefix.Length + 32)];

    /// <summary>A fresh, well-formed 18-character ID number (region 110101, born 1990-01-01, serial from a counter).</summary>
    public static string IdNumber()
    {
        var serial = Interlocked.Increment(ref sequence) % 1000;
        var body = $"11010119900101{serial:D3}";
        return body + CheckCharacter(body);
    }

    /// <summary>
    /// A fresh legacy 15-digit ID number (born 1985-03-15) and the 18-digit form of the same person, worked out by
    /// hand here rather than by the code under test: the century inserted, the check character computed.
    /// </summary>
    public static (string Legacy, string Normal) LegacyIdNumber()
    {
        var serial = Interlocked.Increment(ref sequence) % 1000;
        var body = $"11010119850315{serial:D3}";
        return ($"110101850315{serial:D3}", body + CheckCharacter(body));
    }

    public static char CheckCharacter(string body17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body17[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11];
    }
}
