using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Supervision.Contracts;

/// <summary>Registers the clock every business rule reads (<see cref="ClockKey"/>): the real one, or a demo's <see cref="ReplayClock"/>.</summary>
public static class SupervisionClock
{
    /// <summary>A clock already registered (a test's) is kept.</summary>
    public static void AddSupervisionClock(this IServiceCollection services, IConfiguration configuration)
    {
        var replay = configuration.GetSection(ReplayClockSettings.Section).Get<ReplayClockSettings>();
        services.TryAddKeyedSingleton<TimeProvider>(ClockKey.Name, (_, _) => replay?.ReplayFrom is null ? TimeProvider.System : new ReplayClock(TimeProvider.System, replay));
    }
}
