namespace Supervision.Grains.Study;

/// <summary>
/// A crowd or bot flag on this learner: raised with the credit kept and under review, until an operator voids it
/// (the credit earned in the class from <see cref="Since"/> to the decision is taken back) or clears it.
/// </summary>
[GenerateSerializer]
public sealed class ReviewFlag
{
    [Id(0)] public Guid Id { get; set; }

    [Id(1)] public string Kind { get; set; } = "";

    /// <summary>Where the flagged behaviour began: the first fast or regular answer's issue, the first coinciding report.</summary>
    [Id(2)] public DateTimeOffset Since { get; set; }

    [Id(3)] public DateTimeOffset RaisedAt { get; set; }

    /// <summary><see cref="Contracts.Study.FlagDecision.VoidName"/> or <see cref="Contracts.Study.FlagDecision.ClearName"/> once decided; null while under review.</summary>
    [Id(4)] public string? Decision { get; set; }

    [Id(5)] public DateTimeOffset? DecidedAt { get; set; }

    public bool UnderReview => Decision is null;
}
