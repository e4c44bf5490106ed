using System.ComponentModel;
using Supervision.Contracts.Classes;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>A video of a 2.4 class's chapter.</summary>
public readonly record struct ClassResourceData(
    [property: Code] string ResCode,
    [property: Text(32)] string? ResType,
    [property: Integer(int.MinValue, int.MaxValue)] int? Sort,
    [property: Text(256)] string? Title,
    [property: Url] string? VideoUrl,
    [property: Integer(0, FieldWords.MaxVideoSeconds), Description("Seconds; caps the credit on this video")] int? VideoTimeLength)
{
    public ClassResource Resource() => new(ResCode, ResType, Sort ?? 0, Title, VideoUrl, VideoTimeLength ?? 0);
}
