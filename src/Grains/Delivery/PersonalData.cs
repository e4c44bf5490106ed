using System.Text.RegularExpressions;
using Supervision.Contracts;

namespace Supervision.Grains.Delivery;

/// <summary>A platform's error message may quote an ID number back at us; stored reasons keep it masked.</summary>
public static partial class PersonalData
{
    public static string Masked(string text) => IdNumberLike().Replace(text, m => ResidentIdNumber.Mask(m.Value));

    [GeneratedRegex(@"\d{17}[\dXx]|\d{15}")]
    private static partial Regex IdNumberLike();
}
