namespace Supervision.Contracts;

/// <summary>
/// The published failure codes of the envelope's <c>returnCode</c>. docs/errors.md is the table;
/// a code never changes meaning once published, so only add new ones.
/// </summary>
public static class ReturnCode
{
    public const string Success = "0";

    public const string MalformedEnvelope = "1001";
    public const string MissingField = "1002";
    public const string InvalidField = "1003";
    public const string BodyTooLarge = "1004";
    public const string UnsupportedContentType = "1005";
    public const string CrossSiteRequest = "1006";

    public const string TokenMissing = "1101";
    public const string TokenInvalid = "1102";
    public const string TokenExpired = "1103";
    public const string WrongRole = "1104";
    public const string ForeignPlatform = "1105";
    public const string LoginFailed = "1106";
    public const string TooManyRequests = "1107";
    public const string AdminKeyInvalid = "1109";
    public const string TokenRevoked = "1110";

    /// <summary>An operator route without a session that verifies: none, a forged or expired one, or one its account's change ended.</summary>
    public const string OperatorSessionInvalid = "1120";

    /// <summary>The signed-in operator's role may not use the route.</summary>
    public const string OperatorRoleRefused = "1121";

    /// <summary>The shared admin key was used for more than creating the first administrator, or after one exists.</summary>
    public const string AdminKeyBootstrapOnly = "1122";

    public const string OperatorNotFound = "1123";

    public const string ClassNotFound = "1201";
    public const string StudentNotFound = "1202";
    public const string CourseNotFound = "1203";
    public const string UnknownLearningPlatform = "1204";
    public const string ClassNotApproved = "1205";
    public const string OwnedByAnotherPlatform = "1206";
    public const string PlatformNotFound = "1207";
    public const string Conflict = "1208";

    public const string DeliveryNotFound = "1501";

    public const string RealNameRequired = "1301";
    public const string RealNameMismatch = "1302";
    public const string DailyLimitReached = "1303";
    public const string NoOpenSession = "1304";
    public const string SessionSuperseded = "1305";
    public const string CheckOverdue = "1306";
    public const string StartFaceRequired = "1307";
    public const string ReferencePhotoUnusable = "1308";
    public const string LiveOnAnotherPlatform = "1309";
    public const string CheckLimitReached = "1310";
    public const string PlatformLimitReached = "1311";

    public const string BizCodeUnknown = "1401";
    public const string BizCodeExpired = "1402";
    public const string BizCodeUsed = "1403";
    public const string BizCodeForeign = "1404";
    public const string CodeMismatch = "1405";

    public const string InternalError = "5000";
    public const string Unavailable = "5001";
    public const string StaleWrite = "5002";
}
