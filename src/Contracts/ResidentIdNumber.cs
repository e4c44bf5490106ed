namespace Supervision.Contracts;

/// <summary>
/// The form of a Chinese resident ID number: 18 characters with the GB 11643-1999 check character,
/// or the legacy 15 digits (which carry no check character). A 15-digit number and its 18-digit form are one
/// person, so everything is keyed on the 18-digit form (<see cref="Normalize"/>).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsWellFormed(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (value.Length == 15)
        {
            return value.All(char.IsAsciiDigit);
        }

        if (value.Length != 18 || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return char.ToUpperInvariant(value[17]) == CheckCharacter(value.AsSpan(0, 17));
    }

    /// <summary>
    /// The 18-digit form of a well-formed number, upper case: a legacy 15-digit number gains its century (every
    /// such number was issued to someone born in the 1900s) and its check character. Anything else is returned as
    /// it was, so callers validate first.
    /// </summary>
    public static string Normalize(string value)
    {
        if (value.Length == 15 && value.All(char.IsAsciiDigit))
        {
            var body = string.Concat(value.AsSpan(0, 6), "19", value.AsSpan(6));
            return body + CheckCharacter(body);
        }

        return value.ToUpperInvariant();
    }

    private static char CheckCharacter(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Keeps the region prefix and the last character, so logs can tell numbers apart without holding one.</summary>
    public static string Mask(string? value) =>
        value is null || value.Length < 8 ? "***" : string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 4), value.AsSpan(value.Length - 1));
}
