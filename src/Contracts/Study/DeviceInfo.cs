namespace Supervision.Contracts.Study;

/// <summary>The envelope headers of a request, kept with its evidence.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceInfo(
    [property: Id(0)] string? DeviceType,
    [property: Id(1)] string? DeviceId,
    [property: Id(2)] string? ClientTimestamp)
{
    public static readonly DeviceInfo Unknown = new(null, null, null);
}
