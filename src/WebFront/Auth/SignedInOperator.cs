using Supervision.Contracts.Operators;

namespace Supervision.WebFront.Auth;

/// <summary>
/// Who is calling an operator route, as the front established it: an account's session, or the shared admin key
/// (<see cref="ByAdminKey"/>). A bootstrap key has no role: it may only create the first administrator.
/// </summary>
public sealed record SignedInOperator(string Account, OperatorRole? Role, bool ByAdminKey)
{
    /// <summary>How evidence names an action taken with the shared admin key: the key is not a person.</summary>
    public const string AdminKeyName = "admin-key";

    public static SignedInOperator Of(HttpContext context) =>
        context.Features.Get<SignedInOperator>() ?? throw new InvalidOperationException("An operator route ran without the operator check.");
}
