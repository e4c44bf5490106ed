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
    private readonly ArrayBufferWriter<byte> buffer = new(512);
    // How many elements each open object or array holds so far, innermost on top.
    private readonly Stack<int> counts = new();
    private bool afterName;

    public ReadOnlySpan<byte> Written => buffer.WrittenSpan;

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    /// <summary>Empties the writer for the next value, keeping its buffer: a writer reused on the hot path allocates nothing.</summary>
    public CanonicalJsonWriter Reset()
    {
        buffer.ResetWrittenCount();
        counts.Clear();
        afterName = false;
        return this;
    }

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

    public CanonicalJsonWriter String(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            Raw("null"u8);
        }
        else
        {
            WriteString(value);
        }

        return this;
    }

    public CanonicalJsonWriter Number(long? value)
    {
        BeforeValue();
        if (value is null)
        {
            Raw("null"u8);
            return this;
        }

        value.Value.TryFormat(buffer.GetSpan(20), out var written, default, CultureInfo.InvariantCulture);
        buffer.Advance(written);
        return this;
    }

    /// <summary>A time as its canonical text (<see cref="EvidenceTime.Format"/>), written without a string in between.</summary>
    public CanonicalJsonWriter Time(DateTimeOffset at)
    {
        BeforeValue();
        Raw("\""u8);
        EvidenceTime.Truncate(at).UtcDateTime.TryFormat(buffer.GetSpan(32), out var written, EvidenceTime.Pattern, CultureInfo.InvariantCulture);
        buffer.Advance(written);
        Raw("\""u8);
        return this;
    }

    /// <summary>A UUID, lowercase with hyphens, or null.</summary>
    public CanonicalJsonWriter Uuid(Guid? id)
    {
        BeforeValue();
        if (id is null)
        {
            Raw("null"u8);
            return this;
        }

        Raw("\""u8);
        id.Value.TryFormat(buffer.GetSpan(36), out var written, "D");
        buffer.Advance(written);
        Raw("\""u8);
        return this;
    }

    public CanonicalJsonWriter Bool(bool value)
    {
        BeforeValue();
        Raw(value ? "true"u8 : "false"u8);
        return this;
    }

    public CanonicalJsonWriter Null()
    {
        BeforeValue();
        Raw("null"u8);
        return this;
    }

    /// <summary>Writes a number whose text is already canonical (<see cref="CanonicalJson.Number"/>).</summary>
    public CanonicalJsonWriter CanonicalNumber(string text)
    {
        BeforeValue();
        Raw(Encoding.UTF8.GetBytes(text));
        return this;
    }

    /// <summary>Writes bytes that are already one canonical JSON value, or null.</summary>
    public CanonicalJsonWriter CanonicalValue(ReadOnlySpan<byte> json)
    {
        BeforeValue();
        Raw(json.IsEmpty ? "null"u8 : json);
        return this;
    }

    private CanonicalJsonWriter Open(byte bracket)
    {
        BeforeValue();
        buffer.GetSpan(1)[0] = bracket;
        buffer.Advance(1);
        counts.Push(0);
        return this;
    }

    private CanonicalJsonWriter Close(byte bracket)
    {
        counts.Pop();
        buffer.GetSpan(1)[0] = bracket;
        buffer.Advance(1);
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
        Raw("\""u8);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is not ('"' or '\\' or < ' '))
            {
                continue;
            }

            Text(value.AsSpan(start, i - start));
            Raw(c switch
            {
                '"' => "\\\""u8,
                '\\' => "\\\\"u8,
                '\b' => "\\b"u8,
                '\f' => "\\f"u8,
                '\n' => "\\n"u8,
                '\r' => "\\r"u8,
                '\t' => "\\t"u8,
                _ => Encoding.ASCII.GetBytes($"\\u{(int)c:x4}"),
            });
            start = i + 1;
        }

        Text(value.AsSpan(start));
        Raw("\""u8);
    }

    private void Text(ReadOnlySpan<char> text)
    {
        var written = Encoding.UTF8.GetBytes(text, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        buffer.Advance(written);
    }

    private void Raw(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
}
