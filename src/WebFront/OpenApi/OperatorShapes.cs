using System.ComponentModel;

namespace Supervision.WebFront.OpenApi;

/// <summary>Bodies of the operator's /admin requests, for the OpenAPI document only (the PUT policy's is declared in Requests: ClassPolicyData).</summary>
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
