using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>A yes or no, always optional (a <c>bool?</c>): 0 or 1 as a number or a string, or true or false (<see cref="EnvelopeData.OptionalFlag"/>).</summary>
public sealed class FlagAttribute(params string[] aliases) : WireFieldAttribute(aliases)
{
    public override Expression Read(Expression data, string wireName, bool required, Type type) => required
        ? throw new InvalidOperationException($"{wireName}: a flag is read only as an optional field (bool?)")
        : EnvelopeDataCall.Of(data, nameof(EnvelopeData.OptionalFlag), wireName, Aliases);

    public override WireSchema Schema => WireSchema.None;
}
