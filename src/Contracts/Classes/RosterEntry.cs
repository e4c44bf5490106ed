namespace Supervision.Contracts.Classes;

/// <summary>
/// One student of a class. <see cref="StudentUserCode"/> is 2.4's studentCode and section 1's studentUserCode.
/// <see cref="StudentUserAccount"/> is the login the learning platform returned from the 1.12 push.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RosterEntry(
    [property: Id(0)] string CardNo,
    [property: Id(1)] string StudentUserCode,
    [property: Id(2)] string StudentName,
    [property: Id(3)] string? StudentPhone,
    [property: Id(4)] string? ErcunPhotos,
    [property: Id(5)] string? StudentUserAccount = null);
