namespace Supervision.Contracts.Risk;

/// <summary>
/// Which anomalies a risk summary counts: those of one China day (UTC+8; today when null), narrowed by class, learning
/// platform and kind (each null for all), and which page of the ranked rows to answer.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RiskQuery(
    [property: Id(0)] DateOnly? Day = null,
    [property: Id(1)] string? ClassCode = null,
    [property: Id(2)] string? PlatformCode = null,
    [property: Id(3)] string? Kind = null,
    [property: Id(4)] int Offset = 0,
    [property: Id(5)] int Limit = 50)
{
    public const int MaxLimit = 200;
}
