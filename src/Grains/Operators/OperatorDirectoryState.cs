namespace Supervision.Grains.Operators;

[GenerateSerializer]
public sealed class OperatorDirectoryState
{
    [Id(0)] public Dictionary<string, OperatorAccount> Accounts { get; set; } = new(StringComparer.Ordinal);
}
