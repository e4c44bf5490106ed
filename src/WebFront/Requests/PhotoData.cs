using System.ComponentModel;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.11 updateErcunPhotosUrl's data.</summary>
public readonly record struct PhotoData(
    [property: Code, Description(FieldWords.OwnCode)] string StudyPlatformCode,
    [property: Url, Description("http(s) URL of the new two-inch photo; the old one stays in the history")] string ErcunPhotoUrl,
    [property: IdNumber, Description("Resident ID number of the student")] string CardNo);
