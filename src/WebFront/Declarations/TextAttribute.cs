using System.Linq.Expressions;
using Microsoft.OpenApi;
using Supervision.Envelope;

namespace Supervision.WebFront.Declarations;

/// <summary>Text of at most <see cref="MaxLength"/> characters, trimmed (<see cref="EnvelopeData.Text"/>).</summary>
public sealed class TextAttribute(int maxLength, params string[] aliases) : WireFieldAttribute(aliases)
{
    public int MaxLength { get; } = maxLength;

    public override Expression Read(Expression data, string wireName, bool required, Type type) =>
        EnvelopeDataCall.Of(data, required ? nameof(EnvelopeData.Text) : nameof(EnvelopeData.OptionalText), wireName, MaxLength, Aliases);

    public override void Describe(OpenApiSchema schema) => schema.MaxLength = MaxLength;
}
