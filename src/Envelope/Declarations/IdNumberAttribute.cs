using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>A resident ID number, always required: 18 characters with the GB 11643 check character, or 15 digits (<see cref="EnvelopeData.IdNumber"/>).</summary>
public sealed class IdNumberAttribute() : WireFieldAttribute([])
{
    public override Expression Read(Expression data, string wireName, bool required, Type type) => required
        ? EnvelopeDataCall.Of(data, nameof(EnvelopeData.IdNumber), wireName)
        : throw new InvalidOperationException($"{wireName}: an ID number is read only as a required field");

    public override WireSchema Schema { get; } = new(MinLength: 15, MaxLength: 18);
}
