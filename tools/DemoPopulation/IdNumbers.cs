namespace Supervision.DemoPopulation;

/// <summary>
/// Well-formed, made-up resident ID numbers (GB 11643): a province's code with county 99, which no county uses, so no
/// number is a real person's; a birth date; a serial whose last digit is odd for a man; the check digit.
/// </summary>
public static class IdNumbers
{
    private static readonly string[] Provinces = ["31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "51"];
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Next(Random random, int serial, bool male)
    {
        var region = $"{Provinces[random.Next(Provinces.Length)]}{random.Next(1, 20):D2}99";
        var birth = new DateOnly(1968, 1, 1).AddDays(random.Next(365 * 36));
        var sequence = (serial % 500 * 2) + (male ? 1 : 0);
        var body = $"{region}{birth:yyyyMMdd}{sequence:D3}";
        return body + CheckDigit(body);
    }

    public static char CheckDigit(string body) => "10X98765432"[body.Select((c, i) => (c - '0') * Weights[i]).Sum() % 11];
}
