using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>An absolute http or https URL of at most 2048 characters (<see cref="EnvelopeData.Url"/>).</summary>
public sealed class UrlAttribute(params string[] aliases) : WireFieldAttribute(aliases)
{
    public override Expression Read(Expression data, string wireName, bool required, Type type) =>
        EnvelopeDataCall.Of(data, required ? nameof(EnvelopeData.Url) : nameof(EnvelopeData.OptionalUrl), wireName, Aliases);

    public override WireSchema Schema { get; } = new(Format: "uri", MaxLength: 2048);
}
