namespace Supervision.Contracts.Study;

/// <summary>
/// The crowd analysis found this account's study moving in lockstep with other people's accounts: reports and check
/// answers that arrived within a fraction of a second of each other with identical values, on a device they share,
/// from <see cref="Since"/> to <see cref="Until"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CrowdFlag(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] DateTimeOffset Until,
    [property: Id(2)] int Coincidences,
    [property: Id(3)] IReadOnlyList<string> DeviceIds,
    [property: Id(4)] IReadOnlyList<string> Companions)
{
    /// <summary>Check answers that coincided with a companion's (the most with any one companion).</summary>
    [Id(5)]
    public int AnswerCoincidences { get; init; }

    /// <summary>Lockstep shorter than this is not a crowd: people who start together drift apart within minutes.</summary>
    public static readonly TimeSpan MinimumSpan = TimeSpan.FromMinutes(15);
}
