using System.Globalization;
using System.Text.Json;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Reads one object of a learning platform's answer with the tolerance SPEC.md asks of us (numbers as
/// numbers or numeric strings, field-name variants). A field that cannot be read fails the attempt with
/// its path, before anything of the answer is stored.
/// </summary>
public readonly struct AnswerFields
{
    private readonly JsonElement element;
    private readonly string path;

    public AnswerFields(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new DeliveryFailure($"answer {path}: not a JSON object");
        }

        this.element = element;
        this.path = path;
    }

    public bool TryGet(string name, out JsonElement value, params string[] aliases)
    {
        foreach (var candidate in aliases.Prepend(name))
        {
            if (element.TryGetProperty(candidate, out value) && value.ValueKind != JsonValueKind.Null)
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    public string Text(string name, int maxLength, params string[] aliases) =>
        OptionalText(name, maxLength, aliases) ?? throw Invalid(name, "is required");

    public string? OptionalText(string name, int maxLength, params string[] aliases)
    {
        if (!TryGet(name, out var value, aliases))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Invalid(name, "must be a string"),
        };
        return text.Length > maxLength ? throw Invalid(name, $"longer than {maxLength} characters") : text.Length == 0 ? null : text;
    }

    /// <summary>A code as SPEC.md accepts them: 1–64 letters, digits, '-' or '_'.</summary>
    public string Code(string name, params string[] aliases)
    {
        var text = Text(name, 64, aliases);
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? text : throw Invalid(name, "is not a code");
    }

    public string? OptionalCode(string name, params string[] aliases) =>
        TryGet(name, out _, aliases) && OptionalText(name, 64, aliases) is not null ? Code(name, aliases) : null;

    public long? OptionalInteger(string name, long min, long max, params string[] aliases)
    {
        if (!TryGet(name, out var value, aliases))
        {
            return null;
        }

        long number;
        if (value.ValueKind == JsonValueKind.Number ? !value.TryGetInt64(out number)
            : value.ValueKind != JsonValueKind.String || !long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out number))
        {
            if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
            {
                return null;
            }

            throw Invalid(name, "must be a whole number");
        }

        return number < min || number > max ? throw Invalid(name, $"must be between {min} and {max}") : number;
    }

    /// <summary>The objects of an array field; absent or null is empty.</summary>
    public IReadOnlyList<AnswerFields> Objects(string name, int maxCount)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        return Elements(value, Child(name), maxCount);
    }

    public static IReadOnlyList<AnswerFields> Elements(JsonElement array, string path, int maxCount)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new DeliveryFailure($"answer {path}: not a JSON array");
        }

        if (array.GetArrayLength() > maxCount)
        {
            throw new DeliveryFailure($"answer {path}: more than {maxCount} entries");
        }

        return array.EnumerateArray().Select((item, index) => new AnswerFields(item, $"{path}[{index}]")).ToList();
    }

    private string Child(string name) => $"{path}.{name}";

    private DeliveryFailure Invalid(string name, string rule) => new($"answer {Child(name)}: {rule}");
}
