using System.Reflection;

namespace Supervision.Envelope.Declarations;

/// <summary>One field of a declared request as both the reader and the document see it.</summary>
public sealed record DeclaredField(string WireName, bool Required, WireFieldAttribute Wire, ParameterInfo Parameter)
{
    public IReadOnlyList<string> Aliases => Wire.Aliases;

    /// <summary>The fields a request carries for this one: itself, or what it inlines or also reads beside itself.</summary>
    public IEnumerable<DeclaredField> OnTheWire => Wire.OnTheWire(this);
}
