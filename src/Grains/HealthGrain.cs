using Npgsql;
using Supervision.Contracts;

namespace Supervision.Grains;

[StatelessWorker]
public sealed class HealthGrain(NpgsqlDataSource dataSource) : Grain, IHealthGrain
{
    public async Task<bool> DatabaseAnswers()
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync() is 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
