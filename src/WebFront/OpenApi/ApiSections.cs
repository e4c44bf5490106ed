using Supervision.Contracts;

namespace Supervision.WebFront.OpenApi;

/// <summary>
/// The sections of the reference (the document's tags) and the failure codes shared by every endpoint of a section,
/// which each section's route group declares once. Everything else an endpoint declares on its own route.
/// </summary>
public static class ApiSections
{
    public const string LoginTag = "1.1 Login";
    public const string LearningTag = "Section 1: learning platforms";
    public const string BusinessTag = "Section 2: business platforms";
    public const string OperatorTag = "Operator";
    public const string HealthTag = "Health";

    public static readonly string[] EnvelopeCodes =
        [ReturnCode.MalformedEnvelope, ReturnCode.MissingField, ReturnCode.InvalidField, ReturnCode.BodyTooLarge, ReturnCode.UnsupportedContentType, ReturnCode.CrossSiteRequest];

    public static readonly string[] TokenCodes = [ReturnCode.TokenMissing, ReturnCode.TokenInvalid, ReturnCode.TokenExpired, ReturnCode.TokenRevoked, ReturnCode.WrongRole];

    /// <summary>What every operator route but the login may answer about its caller (OperatorCheck).</summary>
    public static readonly string[] OperatorCodes =
        [ReturnCode.OperatorSessionInvalid, ReturnCode.OperatorRoleRefused, ReturnCode.AdminKeyInvalid, ReturnCode.AdminKeyBootstrapOnly];

    public static readonly string[] ServiceCodes = [ReturnCode.TooManyRequests, ReturnCode.InternalError, ReturnCode.Unavailable, ReturnCode.StaleWrite];
}
