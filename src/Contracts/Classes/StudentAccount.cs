namespace Supervision.Contracts.Classes;

/// <summary>One row of 1.12's answer: the login a learning platform gave the student with this ID number.</summary>
[GenerateSerializer, Immutable]
public sealed record StudentAccount(
    [property: Id(0)] string CardNo,
    [property: Id(1)] string StudentUserAccount);
