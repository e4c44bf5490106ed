using Supervision.Contracts.Operators;

namespace Supervision.WebFront.Apis;

/// <summary>How each operator route says which role it needs (<see cref="OperatorRouteRole"/>).</summary>
public static class OperatorRoutes
{
    /// <summary>Reads: every operator.</summary>
    public static TBuilder ForViewers<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        Require(route, new(OperatorRole.Viewer));

    /// <summary>Face review and flag decisions: reviewers and administrators.</summary>
    public static TBuilder ForReviewers<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        Require(route, new(OperatorRole.Reviewer));

    /// <summary>Policy, approval, platforms, accounts, pulls and retries: administrators only.</summary>
    public static TBuilder ForAdministrators<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        Require(route, new(OperatorRole.Administrator));

    /// <summary>Creating an account: administrators, and the shared admin key while no administrator exists.</summary>
    public static TBuilder ForAdministratorsOrBootstrap<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        Require(route, new(OperatorRole.Administrator, Bootstrap: true));

    /// <summary>The login itself: no session yet.</summary>
    public static TBuilder ForAnyone<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        Require(route, new(OperatorRole.Viewer, Anonymous: true));

    private static TBuilder Require<TBuilder>(TBuilder route, OperatorRouteRole role) where TBuilder : IEndpointConventionBuilder
    {
        route.WithMetadata(role);
        return route;
    }
}
