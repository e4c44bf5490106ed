using System.Linq.Expressions;
using Microsoft.OpenApi;
using Supervision.Envelope;

namespace Supervision.WebFront.Declarations;

/// <summary>An absolute http or https URL of at most 2048 characters (<see cref="EnvelopeData.Url"/>).</summary>
public sealed class UrlAttribute(params string[] aliases) : WireFieldAttribute(aliases)
{
    public override Expression Read(Expression data, string wireName, bool required, Type type) =>
        EnvelopeDataCall.Of(data, required ? nameof(EnvelopeData.Url) : nameof(EnvelopeData.OptionalUrl), wireName, Aliases);

    public override void Describe(OpenApiSchema schema)
    {
        schema.Format = "uri";
        schema.MaxLength = 2048;
    }
}
