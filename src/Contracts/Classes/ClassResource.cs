namespace Supervision.Contracts.Classes;

/// <summary>One video of a class's course tree; <see cref="DurationSeconds"/> is 1.12's videoTimeLength, 0 when unknown.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassResource(
    [property: Id(0)] string ResCode,
    [property: Id(1)] string? ResType,
    [property: Id(2)] int Sort,
    [property: Id(3)] string? Title,
    [property: Id(4)] string? VideoUrl,
    [property: Id(5)] int DurationSeconds);
