using System.ComponentModel;
using System.Reflection;

namespace Supervision.WebFront.Declarations;

/// <summary>One query parameter of a declared query, as both its reader and the document see it.</summary>
public sealed record DeclaredQueryField(string Name, QueryFieldAttribute Field, PropertyInfo Property)
{
    /// <summary>What the parameter is, from the property's <c>[Description]</c>, and how its read treats a value outside its bounds.</summary>
    public string? Description => string.Join(". ", new[] { Property.GetCustomAttribute<DescriptionAttribute>()?.Description, Field.Rule }.OfType<string>()) is { Length: > 0 } words ? words : null;
}
