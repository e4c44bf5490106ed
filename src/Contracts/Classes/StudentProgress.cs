using Supervision.Contracts.Study;

namespace Supervision.Contracts.Classes;

/// <summary>One student of a class with their study in it: what the supervisor's class page lists.</summary>
[GenerateSerializer, Immutable]
public sealed record StudentProgress(
    [property: Id(0)] RosterEntry Student,
    [property: Id(1)] StudentClassView Study);
