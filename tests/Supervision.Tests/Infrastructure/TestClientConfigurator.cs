using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Supervision.Database;

namespace Supervision.Tests.Infrastructure;

public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = DatabaseConnection.Tune(configuration["SUPERVISION_DB"]!);
        });
}
