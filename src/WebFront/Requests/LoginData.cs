using System.ComponentModel;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>1.1 thlogin's data.</summary>
public readonly record struct LoginData(
    [property: Text(128, "studyPlatformAccount"), Description("The platform account the operator registered (the seed's spelling)")] string StudyPlatformAcount,
    [property: Text(256, "password"), Description("Its password")] string PassWord);
