namespace Supervision.WebFront.Declarations;

/// <summary>The routes of one envelope endpoint (its path and the seed's misspellings of it): a convention added here applies to all.</summary>
public sealed class EnvelopeRoutes(IReadOnlyList<IEndpointConventionBuilder> routes) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var route in routes)
        {
            route.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var route in routes)
        {
            route.Finally(finallyConvention);
        }
    }
}
