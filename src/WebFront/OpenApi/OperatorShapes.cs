using System.ComponentModel;

namespace Supervision.WebFront.OpenApi;

/// <summary>Bodies of the operator's /admin requests, for the OpenAPI document only.</summary>
public static class OperatorShapes
{
    public sealed record PlatformRegistrationData(
        [property: Description("The platform's code (studyPlatformCode in section 1)")] string Code,
        string Name,
        [property: Description("\"learning\" or \"business\"; cannot change once registered")] string Role,
        [property: Description("The login account for 1.1")] string Account,
        [property: Description("At least 8 characters; stored only as a salted PBKDF2 hash")] string Password,
        [property: Description("Required for a learning platform: the studyPlatformApiUrl business platforms send, and where 1.12 and 1.14 go")] string? ApiBaseUrl = null,
        [property: Description("The token that learning platform issued to us, sent on 1.12 and 1.14")] string? OutboundToken = null);

    public sealed record ClassPolicyData(
        [property: Description("1: nothing is credited until the student passed 1.2")] int? RealNameAuthentication = null,
        [property: Description("Hours per student per class per day (UTC+8); 0 = no limit")] int? StudyHourLimit = null,
        [property: Description("Validity of a check, in minutes (5 when unset)")] int? FaceTimeLimit = null,
        [property: Description("Anti-idle checks: 0 none, 1 pop-up code, 2 face")] int? VideoOnHook = null,
        VideoOnHookDetailData? VideoOnHookDetail = null,
        [property: Description("1: each session needs a passed face check before anything counts")] int? VideoStartFace = null,
        [property: Description("1: each studied video needs a recording (1.9)")] int? VideoPlayRecord = null);

    public sealed record VideoOnHookDetailData(
        [property: Description("0 fixed count per video, 1 every N minutes, 2 increasing intervals N, 2N, 3N …")] int? TriggerType = null,
        [property: Description("N (the seed's spelling; triggerValue is accepted too)")] int? TriggervValue = null);

    public sealed record OperatorLoginData(
        [property: Description("The operator account's name")] string Account,
        string Password);

    public sealed record OperatorAccountData(
        [property: Description("1 to 64 characters, no control or invisible characters (POST only; the path names it on PUT)")] string? Account = null,
        [property: Description("viewer, reviewer or administrator")] string? Role = null,
        [property: Description("12 to 256 characters; stored only as a salted PBKDF2 hash")] string? Password = null,
        [property: Description("true: the account can no longer log in and its sessions end (PUT only)")] bool? Disabled = null);

    public sealed record OwnPasswordData(string CurrentPassword, [property: Description("12 to 256 characters")] string Password);
}
