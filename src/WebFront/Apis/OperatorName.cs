using Supervision.Contracts.Evidence;
using Supervision.WebFront.Auth;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Who takes an operator's action, for its evidence: the signed-in account (or "admin-key" for the shared key), and
/// the address the request came from. Never a name the request states: the old X-Operator header is ignored.
/// </summary>
public static class OperatorName
{
    public static OperatorAction Of(HttpContext context) => new(SignedInOperator.Of(context).Account, SourceAddress.Of(context));
}
