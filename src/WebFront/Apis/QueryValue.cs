using System.Globalization;
using Supervision.Contracts;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Reads typed operator query values from their text, for the declared queries' fields (Declarations.QueryFieldAttribute)
/// rather than ASP.NET Core's binder: its failure carries the raw value into the exception, the answer and the log.
/// A wrong value is refused naming the parameter only.
/// </summary>
public static class QueryValue
{
    public static int? Integer(string? text, string name) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new EnvelopeRejection(ReturnCode.InvalidField, $"{name}: must be a whole number");

    public static DateTimeOffset? Time(string? text, string name) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var value) ? value
        : throw new EnvelopeRejection(ReturnCode.InvalidField, $"{name}: must be a date and time (ISO 8601, e.g. 2026-03-01T09:00:00+08:00)");

    public static DateOnly? Day(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value
        : throw new EnvelopeRejection(ReturnCode.InvalidField, $"{name}: must be a day (yyyy-MM-dd, a China day)");
}
