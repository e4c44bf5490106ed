using Supervision.Contracts.Operators;

namespace Supervision.Grains.Operators;

[GenerateSerializer]
public sealed class OperatorAccount
{
    [Id(0)] public OperatorRole Role { get; set; }
    [Id(1)] public string PasswordHash { get; set; } = "";
    [Id(2)] public bool Disabled { get; set; }

    /// <summary>Raised by every change of the account, so that the sessions signed before it end at once.</summary>
    [Id(3)] public int Version { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public string CreatedBy { get; set; } = "";
    [Id(6)] public DateTimeOffset ChangedAt { get; set; }
}
