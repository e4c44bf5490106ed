namespace Supervision.Grains.Study;

/// <summary>One passed pop-up code: when it passed and how long it took from issue to answer.</summary>
[GenerateSerializer]
public sealed class CodeAnswer
{
    [Id(0)] public string BizCode { get; set; } = "";

    [Id(1)] public DateTimeOffset PassedAt { get; set; }

    [Id(2)] public int Millis { get; set; }

    public DateTimeOffset IssuedAt => PassedAt - TimeSpan.FromMilliseconds(Millis);
}
