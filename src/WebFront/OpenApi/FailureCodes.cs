using Supervision.Contracts;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// What each published returnCode means, in a line, for the OpenAPI document. docs/errors.md is the full table
/// with typical causes; a code never changes meaning, so this list only grows with it.
/// </summary>
public static class FailureCodes
{
    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>
    {
        [ReturnCode.Success] = "success",
        [ReturnCode.MalformedEnvelope] = "malformed envelope: the body is not a JSON object, or headers is not an object",
        [ReturnCode.MissingField] = "a required field is missing (the message names it)",
        [ReturnCode.InvalidField] = "a field has a wrong type or value (the message names it)",
        [ReturnCode.BodyTooLarge] = "the body is too large (over 4 MiB)",
        [ReturnCode.UnsupportedContentType] = "the body is not JSON: send application/json",
        [ReturnCode.CrossSiteRequest] = "sent by a browser on another site: the interface is for platforms' servers",
        [ReturnCode.TokenMissing] = "no token: log in through 1.1",
        [ReturnCode.TokenInvalid] = "the token is not valid",
        [ReturnCode.TokenExpired] = "the token has expired (2 hours): log in again",
        [ReturnCode.WrongRole] = "wrong role: a business platform's token on section 1, or a learning platform's on section 2",
        [ReturnCode.ForeignPlatform] = "not your platform: data.studyPlatformCode is another platform's code",
        [ReturnCode.LoginFailed] = "login failed: unknown account or wrong password",
        [ReturnCode.TooManyRequests] = "too many requests (HTTP 429): from one address, or people registered by one business platform in a minute; or too many failed logins for one account from one address",
        [ReturnCode.AdminKeyInvalid] = "operator key missing or wrong (HTTP 401)",
        [ReturnCode.TokenRevoked] = "the token was issued before the platform's password or registration changed: log in again",
        [ReturnCode.OperatorSessionInvalid] = "operator route without a valid session (HTTP 401): none, forged, expired, or ended by a change of its account; log in (POST /admin/login)",
        [ReturnCode.OperatorRoleRefused] = "the signed-in operator's role may not use this route (HTTP 403): viewers read, reviewers also decide reviews and flags, administrators change",
        [ReturnCode.AdminKeyBootstrapOnly] = "the shared admin key only creates the first administrator, and is retired once one exists unless kept on by configuration (HTTP 401 or 403)",
        [ReturnCode.OperatorNotFound] = "no such operator account",
        [ReturnCode.ClassNotFound] = "no such class",
        [ReturnCode.StudentNotFound] = "no such student (or not on the roster, or not taught by the calling platform)",
        [ReturnCode.CourseNotFound] = "no such course or resource in the class's course tree",
        [ReturnCode.UnknownLearningPlatform] = "studyPlatformApiUrl is no registered learning platform's apiBaseUrl",
        [ReturnCode.ClassNotApproved] = "class not approved yet",
        [ReturnCode.OwnedByAnotherPlatform] = "a class, teacher or course that another platform owns",
        [ReturnCode.PlatformNotFound] = "no such platform",
        [ReturnCode.Conflict] = "conflict: an account or API URL another platform uses, or a role change",
        [ReturnCode.RealNameRequired] = "real-name authentication (1.2) required; nothing is credited",
        [ReturnCode.RealNameMismatch] = "real-name check failed: the name differs from the registered one",
        [ReturnCode.DailyLimitReached] = "daily limit (UTC+8) reached; nothing is credited",
        [ReturnCode.NoOpenSession] = "no open study session on that video (call 1.3 first)",
        [ReturnCode.SessionSuperseded] = "session closed by a newer startStudy, or by the same person starting elsewhere",
        [ReturnCode.CheckOverdue] = "an anti-idle check is overdue; nothing is credited until one passes",
        [ReturnCode.StartFaceRequired] = "a face check is required at the start of each session",
        [ReturnCode.ReferencePhotoUnusable] = "the student's registered photo is missing or unusable; no attempt counted",
        [ReturnCode.LiveOnAnotherPlatform] = "the same person is studying live on another learning platform; that study is left alone and this start refused",
        [ReturnCode.CheckLimitReached] = "this learner in this class was issued the most checks (or face checks) one window allows; answer one, or ask again later (the message says when)",
        [ReturnCode.PlatformLimitReached] = "this platform holds the most classes, teachers, courses or people one platform may (the message names which); nothing was stored",
        [ReturnCode.BizCodeUnknown] = "unknown bizCode",
        [ReturnCode.BizCodeExpired] = "bizCode expired",
        [ReturnCode.BizCodeUsed] = "bizCode already used or spent by three failed attempts",
        [ReturnCode.BizCodeForeign] = "bizCode issued to another platform, kind of check, student, class or video",
        [ReturnCode.CodeMismatch] = "wrong verification code (the message says how many attempts are left)",
        [ReturnCode.DeliveryNotFound] = "no such delivery (operator API)",
        [ReturnCode.InternalError] = "internal error (HTTP 500); safe to retry",
        [ReturnCode.Unavailable] = "temporarily unavailable (HTTP 503): the cluster or the database cannot be reached; retry later",
        [ReturnCode.StaleWrite] = "stale write (HTTP 503): another activation of this record committed first; nothing was recorded, send the same request again",
    };

    /// <summary>The markdown table of every code, for the document's description.</summary>
    public static string Table() =>
        "| returnCode | meaning |\n|---|---|\n" + string.Concat(Meanings.Select(pair => $"| {pair.Key} | {pair.Value} |\n"));

    /// <summary>A markdown list of some codes with their meanings, for one operation's description.</summary>
    public static string List(IEnumerable<string> codes) =>
        string.Concat(codes.Select(code => $"* `{code}` {Meanings[code]}\n"));
}
