using System.Buffers;
using System.Globalization;
using System.Text;

namespace Supervision.EvidenceChain;

/// <summary>
/// Writes canonical JSON (docs/evidence-export.md): no whitespace, keys in the order the caller gives (which must be
/// ascending by their UTF-8 bytes), strings escaping only '"', '\' and the control characters, numbers as written by
/// <see cref="CanonicalJson.Number"/>. The same value always gives the same bytes, so the bytes can be hashed.
/// </summary>
public sealed class CanonicalJsonWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(256);
    // How many elements each open object or array holds so far, innermost on top.
    private readonly Stack<int> counts = new();
    private bool afterName;

    public ReadOnlySpan<byte> Written => buffer.WrittenSpan;

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    public CanonicalJsonWriter StartObject() => Open((byte)'{');

    public CanonicalJsonWriter EndObject() => Close((byte)'}');

    public CanonicalJsonWriter StartArray() => Open((byte)'[');

    public CanonicalJsonWriter EndArray() => Close((byte)']');

    public CanonicalJsonWriter Name(string name)
    {
        Separate();
        WriteString(name);
        Raw(":"u8);
        afterName = true;
        return this;
    }

    public CanonicalJsonWriter String(string? value) => Value(value is null ? null : () => WriteString(value));

    public CanonicalJsonWriter Number(long? value) =>
        Value(value is null ? null : () => Raw(Encoding.UTF8.GetBytes(value.Value.ToString(CultureInfo.InvariantCulture))));

    public CanonicalJsonWriter Bool(bool value) => Value(() => Raw(value ? "true"u8 : "false"u8));

    public CanonicalJsonWriter Null() => Value(null);

    /// <summary>Writes a number whose text is already canonical (<see cref="CanonicalJson.Number"/>).</summary>
    public CanonicalJsonWriter CanonicalNumber(string text) => Value(() => Raw(Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes bytes that are already one canonical JSON value, or null.</summary>
    public CanonicalJsonWriter CanonicalValue(ReadOnlySpan<byte> json)
    {
        BeforeValue();
        if (json.IsEmpty)
        {
            Raw("null"u8);
        }
        else
        {
            Raw(json);
        }

        return this;
    }

    private CanonicalJsonWriter Value(Action? write)
    {
        BeforeValue();
        if (write is null)
        {
            Raw("null"u8);
        }
        else
        {
            write();
        }

        return this;
    }

    private CanonicalJsonWriter Open(byte bracket)
    {
        BeforeValue();
        buffer.Write([bracket]);
        counts.Push(0);
        return this;
    }

    private CanonicalJsonWriter Close(byte bracket)
    {
        counts.Pop();
        buffer.Write([bracket]);
        return this;
    }

    /// <summary>A value after a name completes that member; any other value is an element of its own.</summary>
    private void BeforeValue()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }

        Separate();
    }

    private void Separate()
    {
        if (counts.Count > 0 && counts.Pop() is var written)
        {
            if (written > 0)
            {
                Raw(","u8);
            }

            counts.Push(written + 1);
        }
    }

    private void WriteString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        Raw(Encoding.UTF8.GetBytes(text.Append('"').ToString()));
    }

    private void Raw(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
}
