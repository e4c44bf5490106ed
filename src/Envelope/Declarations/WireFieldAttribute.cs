using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>
/// How one field of a declared request is read and what the document says of it. The property it sits on gives the
/// wire name (camelCase, or its <c>[JsonPropertyName]</c>); a nullable constructor parameter makes it optional, any other required.
/// Both <see cref="DeclaredReader{T}"/> and the front's OpenAPI schema (DeclaredRequestSchema) read this one declaration.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class WireFieldAttribute(string[] aliases) : Attribute
{
    /// <summary>Other spellings the reader accepts (the seed's typos), tried when the wire name is absent.</summary>
    public string[] Aliases { get; } = aliases;

    /// <summary>
    /// The call on <see cref="Supervision.Envelope.EnvelopeData"/> that reads the field into the parameter's <paramref name="type"/>
    /// (or the type that call returns, which the reader converts).
    /// </summary>
    public abstract Expression Read(Expression data, string wireName, bool required, Type type);

    /// <summary>The field's limits in the document: the same numbers the read enforces.</summary>
    public abstract WireSchema Schema { get; }

    /// <summary>The fields this one puts on the wire in its object: itself, unless it says otherwise (<see cref="InlineAttribute"/>, <see cref="ObjectAttribute"/>).</summary>
    public virtual IEnumerable<DeclaredField> OnTheWire(DeclaredField field) => [field];
}
