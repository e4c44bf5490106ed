using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>A code: 1–64 letters, digits, '-' or '_' (<see cref="EnvelopeData.Code"/>).</summary>
public sealed class CodeAttribute(params string[] aliases) : WireFieldAttribute(aliases)
{
    public override Expression Read(Expression data, string wireName, bool required, Type type) =>
        EnvelopeDataCall.Of(data, required ? nameof(EnvelopeData.Code) : nameof(EnvelopeData.OptionalCode), wireName, Aliases);

    public override WireSchema Schema { get; } = new(Pattern: "^[A-Za-z0-9_-]{1,64}$", MaxLength: 64);
}
