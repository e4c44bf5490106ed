using Supervision.Contracts.Checks;

namespace Supervision.Grains.Checks;

/// <summary>A check issued to a learner in a class lately, counted against <see cref="CheckIssueLimit"/>.</summary>
[GenerateSerializer]
public sealed class IssuedCheck
{
    [Id(0)] public DateTimeOffset At { get; set; }

    [Id(1)] public CheckKind Kind { get; set; }
}
