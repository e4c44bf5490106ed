using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Declarations;

/// <summary>Endpoint metadata: the request record an endpoint's data is read as, and the fields its reader reads.</summary>
public sealed record DeclaredRequest(Type Type, IReadOnlyList<DeclaredField> Fields);
