namespace Supervision.Envelope.Declarations;

/// <summary>
/// A field's limits as the reader enforces them, for the reference to state: the same numbers, kept apart from any
/// document model so that the silos, which read 1.14's pages by these declarations, carry no OpenAPI library.
/// </summary>
public sealed record WireSchema(
    string? Pattern = null,
    int? MinLength = null,
    int? MaxLength = null,
    long? Minimum = null,
    long? Maximum = null,
    string? Format = null,
    int? MaxItems = null)
{
    public static readonly WireSchema None = new();
}
