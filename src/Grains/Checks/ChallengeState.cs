using Supervision.Contracts;
using Supervision.Contracts.Checks;

namespace Supervision.Grains.Checks;

[GenerateSerializer]
public sealed class ChallengeState
{
    [Id(0)] public ChallengeTicket? Ticket { get; set; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public ChallengeStatus Status { get; set; }

    /// <summary>Digest of the last judged submission with its envelope timestamp: a client retry of it is answered from <see cref="LastAnswer"/>.</summary>
    [Id(3)] public byte[]? LastSubmission { get; set; }

    [Id(4)] public Outcome<FaceResult>? LastAnswer { get; set; }

    /// <summary>
    /// The pass of the passing attempt, with its original time and videoStudyTime, until the student-class has taken
    /// it from the challenge itself; the outbox holds the same pass for the dispatcher (GrainMessages).
    /// </summary>
    [Id(5)] public CheckPass? UndeliveredPass { get; set; }
}

public enum ChallengeStatus
{
    Pending = 0,
    Passed = 1,

    /// <summary>Three wrong attempts: the bizCode is used up.</summary>
    Spent = 2,
}
