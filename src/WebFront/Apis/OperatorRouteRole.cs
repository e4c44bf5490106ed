using Supervision.Contracts.Operators;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The least role an operator route needs (endpoint metadata). An /admin route without one is refused to everyone:
/// a route added without a decision is closed, not open. <see cref="Anonymous"/> marks the login; <see cref="Bootstrap"/>
/// the one route the shared admin key may use to create the first administrator.
/// </summary>
public sealed record OperatorRouteRole(OperatorRole Role, bool Anonymous = false, bool Bootstrap = false);
