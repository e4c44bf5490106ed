namespace Supervision.Contracts.Classes;

/// <summary>What a learning platform answered to a 1.12 push: the students' logins and its default password rule.</summary>
[GenerateSerializer, Immutable]
public sealed record PushAnswer(
    [property: Id(0)] IReadOnlyList<StudentAccount> Accounts,
    [property: Id(1)] string? PasswordRules);
