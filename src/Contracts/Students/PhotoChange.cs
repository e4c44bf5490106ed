namespace Supervision.Contracts.Students;

/// <summary>One two-inch photo a student had, from when, and who set it.</summary>
[GenerateSerializer, Immutable]
public sealed record PhotoChange(
    [property: Id(0)] string Url,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string SetBy);
