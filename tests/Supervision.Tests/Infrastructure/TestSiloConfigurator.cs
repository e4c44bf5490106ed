using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using Supervision.Contracts;
using Supervision.Silo;

namespace Supervision.Tests.Infrastructure;

/// <summary>A test silo is configured exactly like a production one, on the test's database and clock.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<TimeProvider>(ClockKey.Name, TestClocks.Get(silo.Configuration["TEST_CLOCK"]!));
        silo.Services.AddLogging(logging => logging.AddProvider(CapturedLogs.For(silo.Configuration["TEST_CLOCK"]!)));
        silo.AddSupervision(silo.Configuration["SUPERVISION_DB"]!, silo.Configuration);
    }
}
