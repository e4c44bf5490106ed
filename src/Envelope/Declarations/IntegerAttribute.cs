using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>A whole number from <see cref="Min"/> to <see cref="Max"/>, as a JSON number or a numeric string (<see cref="EnvelopeData.Integer"/>).</summary>
public sealed class IntegerAttribute(long min, long max, params string[] aliases) : WireFieldAttribute(aliases)
{
    public long Min { get; } = min;

    public long Max { get; } = max;

    public override Expression Read(Expression data, string wireName, bool required, Type type) =>
        EnvelopeDataCall.Of(data, required ? nameof(EnvelopeData.Integer) : nameof(EnvelopeData.OptionalInteger), wireName, Min, Max, Aliases);

    public override WireSchema Schema => new(Minimum: Min, Maximum: Max);
}
