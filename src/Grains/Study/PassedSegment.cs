namespace Supervision.Grains.Study;

/// <summary>What a video earned between one passed check and the next.</summary>
[GenerateSerializer]
public sealed class PassedSegment
{
    [Id(0)] public string BizCode { get; set; } = "";

    [Id(1)] public int Credited { get; set; }
}
