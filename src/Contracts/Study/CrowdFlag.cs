namespace Supervision.Contracts.Study;

/// <summary>
/// The crowd analysis found this account's study moving in lockstep with other people's accounts: reports that
/// coincided to the second with identical values, on a device they share, from <see cref="Since"/> to <see cref="Until"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CrowdFlag(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] DateTimeOffset Until,
    [property: Id(2)] int Coincidences,
    [property: Id(3)] IReadOnlyList<string> DeviceIds,
    [property: Id(4)] IReadOnlyList<string> Companions)
{
    /// <summary>Lockstep shorter than this is not a crowd: people who start together drift apart within minutes.</summary>
    public static readonly TimeSpan MinimumSpan = TimeSpan.FromMinutes(15);
}
