namespace Supervision.Contracts;

/// <summary>
/// The DI key of the clock every business rule reads. Keyed, because Orleans and ASP.NET Core take the
/// unkeyed TimeProvider for their own timers: tests move this clock without moving theirs.
/// </summary>
public static class ClockKey
{
    public const string Name = "supervision.clock";
}
