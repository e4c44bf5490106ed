using Microsoft.OpenApi;
using Supervision.Contracts;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// How one query parameter of a declared query (<see cref="IQueryDeclaration{TSelf}"/>) is read and what the document
/// says of it. The property it sits on gives the parameter's name (camelCase). <see cref="DeclaredQuery{T}"/> reads the
/// parameter with <see cref="Read"/>, and the document (<see cref="DeclaredQueryParameters"/>) states <see cref="Schema"/>:
/// one declaration, so the reference cannot list a parameter the handler does not read, nor another default or bound.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class QueryFieldAttribute : Attribute
{
    /// <summary>The value for the record from the query's text (null when the query does not carry it), or an <see cref="Supervision.Envelope.EnvelopeRejection"/> naming <paramref name="name"/>.</summary>
    public abstract object? Read(string? text, string name);

    /// <summary>The parameter's type, default and bounds: the same the read applies.</summary>
    public abstract OpenApiSchema Schema();

    /// <summary>What the document adds to the property's description: how the read treats a value outside its bounds, or a missing one.</summary>
    public virtual string? Rule => null;

    public virtual bool Required => false;

    /// <summary>The codes the read may refuse with: a value of the wrong form or outside a refused bound.</summary>
    public virtual IReadOnlyList<string> Codes => [ReturnCode.InvalidField];
}
