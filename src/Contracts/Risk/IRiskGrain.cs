using Orleans.Concurrency;

namespace Supervision.Contracts.Risk;

/// <summary>
/// The regulator's "who needs me now": committed anomalies summed per learner, per class and per learning platform,
/// riskiest first (most seconds withheld, then most anomalies, then the latest).
/// </summary>
public interface IRiskGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<RiskPage<LearnerRisk>> Learners(RiskQuery query);

    [ReadOnly]
    Task<RiskPage<GroupRisk>> Classes(RiskQuery query);

    [ReadOnly]
    Task<RiskPage<GroupRisk>> Platforms(RiskQuery query);
}
