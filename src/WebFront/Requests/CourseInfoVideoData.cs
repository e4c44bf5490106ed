using System.ComponentModel;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>One video of a 2.2 section (2.2 calls videos chapters).</summary>
public readonly record struct CourseInfoVideoData(
    [property: Text(256), Description("The video's title")] string ChapterName,
    [property: Url] string? VideoUrl,
    [property: Integer(int.MinValue, int.MaxValue)] int ChapterSort,
    [property: Integer(0, FieldWords.MaxVideoSeconds), Description("Seconds")] int? Duration);
