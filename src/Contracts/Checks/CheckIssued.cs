namespace Supervision.Contracts.Checks;

/// <summary>What 1.5 and 1.7 answer: the one-time bizCode, its validity in minutes, and for 1.7 the code to show.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckIssued(
    [property: Id(0)] string BizCode,
    [property: Id(1)] int ExpiresInMinutes,
    [property: Id(2)] string? VerificationCode);
