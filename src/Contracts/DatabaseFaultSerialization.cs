using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Supervision.Contracts;

public static class DatabaseFaultSerialization
{
    /// <summary>
    /// Lets Npgsql's exceptions cross between silos and fronts. A grain whose activation cannot read its state
    /// fails before any call filter can translate the fault, and Orleans sends the driver's exception as it is:
    /// a front that cannot read it would answer 5000 where the caller should hear 5001 (retry later).
    /// </summary>
    public static IServiceCollection AllowDatabaseFaults(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
}
