using System.Linq.Expressions;
using Microsoft.OpenApi;
using Supervision.Envelope;

namespace Supervision.WebFront.Declarations;

/// <summary>A resident ID number, always required: 18 characters with the GB 11643 check character, or 15 digits (<see cref="EnvelopeData.IdNumber"/>).</summary>
public sealed class IdNumberAttribute() : WireFieldAttribute([])
{
    public override Expression Read(Expression data, string wireName, bool required, Type type) => required
        ? EnvelopeDataCall.Of(data, nameof(EnvelopeData.IdNumber), wireName)
        : throw new InvalidOperationException($"{wireName}: an ID number is read only as a required field");

    public override void Describe(OpenApiSchema schema)
    {
        schema.MinLength = 15;
        schema.MaxLength = 18;
    }
}
