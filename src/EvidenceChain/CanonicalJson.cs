using System.Text;
using System.Text.Json;

namespace Supervision.EvidenceChain;

/// <summary>
/// Canonical JSON of any JSON text: what PostgreSQL's jsonb keeps of it, written one way. jsonb re-orders keys, drops
/// whitespace, keeps the last of duplicate keys and rewrites numbers (1E2 becomes 100); so keys are sorted by their
/// UTF-8 bytes, the last duplicate wins, and a number is written as a plain decimal without exponent, leading or
/// trailing zeros. The same details, before and after a trip through jsonb, give the same bytes.
/// </summary>
public static class CanonicalJson
{
    /// <summary>An exponent this far from zero is no evidence this project writes; refusing it bounds the text.</summary>
    private const int MaxExponent = 400;

    public static byte[] Canonicalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var writer = new CanonicalJsonWriter();
        Write(writer, document.RootElement);
        return writer.ToArray();
    }

    public static void Write(CanonicalJsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    members[property.Name] = property.Value;
                }

                writer.StartObject();
                foreach (var name in members.Keys.OrderBy(k => Encoding.UTF8.GetBytes(k), ByteOrder.Instance))
                {
                    writer.Name(name);
                    Write(writer, members[name]);
                }

                writer.EndObject();
                break;
            case JsonValueKind.Array:
                writer.StartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.EndArray();
                break;
            case JsonValueKind.String:
                writer.String(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.CanonicalNumber(Number(element.GetRawText()));
                break;
            case JsonValueKind.True:
                writer.Bool(true);
                break;
            case JsonValueKind.False:
                writer.Bool(false);
                break;
            default:
                writer.Null();
                break;
        }
    }

    /// <summary>A JSON number's text as a plain decimal: "-0.0100" → "-0.01", "1.5E3" → "1500", "-0" → "0".</summary>
    public static string Number(string raw)
    {
        var negative = raw.StartsWith('-');
        var body = negative ? raw[1..] : raw;
        var e = body.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? body : body[..e];
        var exponent = e < 0 ? 0 : int.Parse(body[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        if (Math.Abs(exponent) > MaxExponent)
        {
            throw new FormatException($"The number {raw} has an exponent beyond {MaxExponent}.");
        }

        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa[..dot] + mantissa[(dot + 1)..];
        // Where the decimal point falls among the digits.
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..].TrimEnd('0');
        point -= leading;
        if (digits.Length == 0)
        {
            return "0";
        }

        var text = point <= 0 ? "0." + new string('0', -point) + digits
            : point >= digits.Length ? digits + new string('0', point - digits.Length)
            : digits[..point] + "." + digits[point..];
        return negative ? "-" + text : text;
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
