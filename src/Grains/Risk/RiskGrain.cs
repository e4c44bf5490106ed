using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Concurrency;
using Supervision.Contracts;
using Supervision.Contracts.Risk;
using Supervision.Database;

namespace Supervision.Grains.Risk;

[StatelessWorker]
public sealed class RiskGrain(NpgsqlDataSource dataSource, [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IRiskGrain
{
    public Task<RiskPage<LearnerRisk>> Learners(RiskQuery query) => new LearnerRiskReader(dataSource).ReadAsync(query, Today);

    public Task<RiskPage<GroupRisk>> Classes(RiskQuery query) => new GroupRiskReader(dataSource).ClassesAsync(query, Today);

    public Task<RiskPage<GroupRisk>> Platforms(RiskQuery query) => new GroupRiskReader(dataSource).PlatformsAsync(query, Today);

    private DateOnly Today => ChinaTime.DayOf(time.GetUtcNow());
}
