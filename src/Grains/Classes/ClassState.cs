using Supervision.Contracts;
using Supervision.Contracts.Classes;

namespace Supervision.Grains.Classes;

[GenerateSerializer]
public sealed class ClassState
{
    [Id(0)] public string TrainClassName { get; set; } = "";
    [Id(1)] public string OrgCode { get; set; } = "";
    [Id(2)] public string OrgName { get; set; } = "";
    [Id(3)] public string? WorkName { get; set; }
    [Id(4)] public string LearningPlatformCode { get; set; } = "";
    [Id(5)] public string BusinessPlatformCode { get; set; } = "";
    [Id(6)] public ClassPolicy Policy { get; set; } = ClassPolicy.Unsupervised;
    [Id(7)] public ApprovalStatus Approval { get; set; }
    [Id(8)] public DateTimeOffset? ApprovedAt { get; set; }
    [Id(9)] public List<ClassCourse> Courses { get; set; } = [];
    [Id(10)] public List<RosterEntry> Students { get; set; } = [];
    [Id(11)] public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The last version queued for 1.12; each queued push adds one (the outbox's idempotency key).</summary>
    [Id(12)] public int PushVersion { get; set; }

    /// <summary>What the last queued push sends, so an unchanged class is not queued again.</summary>
    [Id(13)] public string? QueuedDigest { get; set; }

    [Id(14)] public int DeliveredVersion { get; set; }

    [Id(15)] public DateTimeOffset? DeliveredAt { get; set; }

    [Id(16)] public string? PasswordRules { get; set; }

    /// <summary>The policy is the operator's (set by hand, or the default a class arrived without one under): a re-push does not weaken it.</summary>
    [Id(17)] public bool PolicyByOperator { get; set; }

    /// <summary>A weaker policy the business platform re-pushed after the policy was fixed: it waits for the operator and is not pushed on.</summary>
    [Id(18)] public ClassPolicy? ProposedPolicy { get; set; }

    /// <summary>Once the operator approved the class or set its policy, a re-push may strengthen the policy but not weaken it (SPEC rule 13).</summary>
    public bool PolicyFixed => PolicyByOperator || ApprovedAt is not null;

    /// <summary>A roster stored before ID numbers were normalised may hold 15-digit numbers; it is read as their 18-digit form.</summary>
    public void NormalizeIdNumbers()
    {
        for (var i = 0; i < Students.Count; i++)
        {
            if (ResidentIdNumber.Normalize(Students[i].CardNo) is var normal && normal != Students[i].CardNo)
            {
                Students[i] = Students[i] with { CardNo = normal };
            }
        }
    }
}
