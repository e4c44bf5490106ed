using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>Text of at most <see cref="MaxLength"/> characters, trimmed (<see cref="EnvelopeData.Text"/>).</summary>
public sealed class TextAttribute(int maxLength, params string[] aliases) : WireFieldAttribute(aliases)
{
    public int MaxLength { get; } = maxLength;

    public override Expression Read(Expression data, string wireName, bool required, Type type) =>
        EnvelopeDataCall.Of(data, required ? nameof(EnvelopeData.Text) : nameof(EnvelopeData.OptionalText), wireName, MaxLength, Aliases);

    public override WireSchema Schema => new(MaxLength: MaxLength);
}
