using System.Reflection;
using System.Text.Json;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Declarations;

/// <summary>
/// Reads a declared query (<typeparamref name="T"/>, a record whose properties each carry a <see cref="QueryFieldAttribute"/>)
/// from the request's query, in the order its constructor takes them, so the first parameter a request gets wrong is
/// the one named. Worked out once per type.
/// </summary>
public static class DeclaredQuery<T> where T : class
{
    private static readonly ConstructorInfo Constructor = DeclaredFields.Constructor(typeof(T));

    public static IReadOnlyList<DeclaredQueryField> Fields { get; } = Constructor.GetParameters().Select(parameter =>
    {
        var property = typeof(T).GetProperty(parameter.Name!) ?? throw new InvalidOperationException($"{typeof(T).Name}.{parameter.Name} is not a property");
        var field = property.GetCustomAttribute<QueryFieldAttribute>() ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} declares no query field");
        return new DeclaredQueryField(JsonNamingPolicy.CamelCase.ConvertName(property.Name), field, property);
    }).ToList();

    /// <summary>
    /// Each value as ASP.NET Core would bind a <c>string?</c> of its name (absent is null, repeated ones joined by commas),
    /// read by its declaration; a wrong one throws the <see cref="Supervision.Envelope.EnvelopeRejection"/> naming it.
    /// </summary>
    public static T Read(IQueryCollection query) =>
        (T)Constructor.Invoke([.. Fields.Select(f => f.Field.Read(query[f.Name], f.Name))]);
}
