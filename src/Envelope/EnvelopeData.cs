using System.Globalization;
using System.Text.Json;
using Supervision.Contracts;

namespace Supervision.Envelope;

/// <summary>
/// Reads fields of one JSON object with the tolerance SPEC.md asks for: numbers as numbers or numeric
/// strings, booleans as true/"true"/1/"1", and each field under any of its spellings. Every refusal
/// names the field by its path, e.g. <c>thirdClassStudentInfoVoList[2].cardNo</c>.
/// </summary>
public readonly struct EnvelopeData
{
    private const int DefaultMaxLength = 512;
    private readonly JsonElement element;
    private readonly string path;

    public EnvelopeData(JsonElement element, string path = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new EnvelopeRejection(ReturnCode.InvalidField, $"{(path.Length == 0 ? "data" : path)}: must be a JSON object");
        }

        this.element = element;
        this.path = path;
    }

    public string Text(string name, int maxLength = DefaultMaxLength, params string[] aliases) =>
        OptionalText(name, maxLength, aliases) ?? throw Missing(name);

    public string? OptionalText(string name, int maxLength = DefaultMaxLength, params string[] aliases)
    {
        if (!TryFind(name, aliases, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw Invalid(name, "must be a string"),
        };
        if (text is not null && text.Length > maxLength)
        {
            throw Invalid(name, $"must be at most {maxLength} characters");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A code: letters, digits, '-' and '_', 1 to 64 characters (the seed's examples are not all UUIDs).</summary>
    public string Code(string name, params string[] aliases) =>
        OptionalCode(name, aliases) ?? throw Missing(name);

    public string? OptionalCode(string name, params string[] aliases)
    {
        var text = OptionalText(name, 64, aliases);
        if (text is not null && !IsCode(text))
        {
            throw Invalid(name, "must be 1–64 letters, digits, '-' or '_'");
        }

        return text;
    }

    public string IdNumber(string name)
    {
        var text = Text(name, 18);
        return ResidentIdNumber.IsWellFormed(text)
            ? ResidentIdNumber.Normalize(text)
            : throw Invalid(name, "is not a well-formed resident ID number (18 characters with a valid GB 11643 check character, or 15 digits)");
    }

    public string? OptionalUrl(string name, params string[] aliases)
    {
        var text = OptionalText(name, 2048, aliases);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw Invalid(name, "must be an absolute http or https URL");
        }

        return text;
    }

    public string Url(string name, params string[] aliases) => OptionalUrl(name, aliases) ?? throw Missing(name);

    public long Integer(string name, long min = 0, long max = int.MaxValue, params string[] aliases) =>
        OptionalInteger(name, min, max, aliases) ?? throw Missing(name);

    public long? OptionalInteger(string name, long min = 0, long max = int.MaxValue, params string[] aliases)
    {
        if (!TryFind(name, aliases, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        long number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetInt64(out number))
            {
                throw Invalid(name, "must be a whole number");
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            {
                throw Invalid(name, "must be a whole number");
            }
        }
        else
        {
            throw Invalid(name, "must be a whole number");
        }

        return number < min || number > max ? throw Invalid(name, $"must be between {min} and {max}") : number;
    }

    public bool? OptionalFlag(string name, params string[] aliases)
    {
        if (!TryFind(name, aliases, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            JsonValueKind.String when IsBooleanWord(value.GetString(), out var word) => word,
            JsonValueKind.Number or JsonValueKind.String => OptionalInteger(name, 0, 1, aliases) is { } n ? n == 1 : null,
            _ => throw Invalid(name, "must be 0 or 1"),
        };
    }

    public EnvelopeData? OptionalObject(string name, params string[] aliases)
    {
        if (!TryFind(name, aliases, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? new EnvelopeData(value, Child(name)) : throw Invalid(name, "must be a JSON object");
    }

    /// <summary>The objects of an array field; an absent or null field is an empty list.</summary>
    public IReadOnlyList<EnvelopeData> Objects(string name, int maxCount = 10_000, params string[] aliases)
    {
        if (!TryFind(name, aliases, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return Elements(value, Child(name), maxCount);
    }

    public static IReadOnlyList<EnvelopeData> Elements(JsonElement array, string path, int maxCount)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new EnvelopeRejection(ReturnCode.InvalidField, $"{path}: must be a JSON array");
        }

        if (array.GetArrayLength() > maxCount)
        {
            throw new EnvelopeRejection(ReturnCode.InvalidField, $"{path}: must have at most {maxCount} entries");
        }

        var items = new List<EnvelopeData>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            items.Add(new EnvelopeData(item, $"{path}[{index++}]"));
        }

        return items;
    }

    public bool Has(string name) => element.TryGetProperty(name, out _);

    public static bool IsCode(string text) =>
        text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public EnvelopeRejection Invalid(string name, string rule) => new(ReturnCode.InvalidField, $"{Child(name)}: {rule}");

    private EnvelopeRejection Missing(string name) => new(ReturnCode.MissingField, $"{Child(name)}: is required");

    private string Child(string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The field's raw value under any of its spellings, for a caller that accepts more than one shape.</summary>
    public bool TryGetElement(string name, out JsonElement value, params string[] aliases) =>
        TryFind(name, aliases, out value) && value.ValueKind != JsonValueKind.Null;

    private bool TryFind(string name, string[] aliases, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var alias in aliases)
        {
            if (element.TryGetProperty(alias, out value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBooleanWord(string? text, out bool value)
    {
        value = string.Equals(text?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return value || string.Equals(text?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
    }
}
