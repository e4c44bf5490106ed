namespace Supervision.Contracts.Evidence.Details;

/// <summary>The kind (<see cref="EvidenceKind"/>, <see cref="AnomalyKind"/>) a details record is stored under: its row's kind column.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StoredAsAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
