namespace Supervision.Envelope;

/// <summary>A request refused before it reached a grain: a documented code and a message naming the field or rule.</summary>
public sealed class EnvelopeRejection(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
