using System.Globalization;
using System.Text;
using Supervision.Contracts;

namespace Supervision.Grains.Operators;

/// <summary>
/// What an account name and an operator password must be. A name is what evidence shows as who acted, so it holds no
/// control or format characters (no line breaks, no bidi overrides, no zero-width characters) and is kept in NFC, so
/// that two spellings of one name are one account.
/// </summary>
public static class OperatorAccountRules
{
    public const int MaxNameLength = 64;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;

    /// <summary>The account name as stored, or the refusal that names the rule.</summary>
    public static (string? Name, Outcome? Refusal) Name(string given)
    {
        var name = given.Normalize(NormalizationForm.FormC);
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return (null, Outcome.Fail(ReturnCode.InvalidField, $"account: 1 to {MaxNameLength} characters"));
        }

        if (name.Trim().Length != name.Length || name.Any(IsHidden))
        {
            return (null, Outcome.Fail(ReturnCode.InvalidField,
                "account: no control or invisible characters (line breaks, bidi overrides, zero-width), no space at either end"));
        }

        return (name, null);
    }

    public static Outcome? Password(string password) =>
        password.Length is < MinPasswordLength or > MaxPasswordLength
            ? Outcome.Fail(ReturnCode.InvalidField, $"password: {MinPasswordLength} to {MaxPasswordLength} characters")
            : null;

    private static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
