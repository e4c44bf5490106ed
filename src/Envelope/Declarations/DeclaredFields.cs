using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Supervision.Envelope.Declarations;

/// <summary>
/// The fields a request record declares, in the order its constructor takes them, which is the order they are read
/// (so the first field a request gets wrong is the one named). Worked out once per type.
/// </summary>
public static class DeclaredFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DeclaredField>?> Known = new();

    /// <summary>The declared fields of <paramref name="type"/>, or null when it is not a declared request.</summary>
    public static IReadOnlyList<DeclaredField>? Of(Type type) => Known.GetOrAdd(type, Declare);

    /// <summary>The declared fields of the records a field holds: its <c>T?</c>'s or its <c>IReadOnlyList&lt;T&gt;?</c>'s.</summary>
    public static IReadOnlyList<DeclaredField> OfElement(DeclaredField field)
    {
        var type = field.Parameter.ParameterType;
        var element = Nullable.GetUnderlyingType(type) ?? (type.IsGenericType ? type.GetGenericArguments()[0] : type);
        return Of(element) ?? throw new InvalidOperationException($"{field.WireName}: {element.Name} declares no wire fields");
    }

    /// <summary>Compiles <paramref name="type"/>'s reader now (a nested declaration's, with its parent's), so that a wrong declaration stops the process at startup.</summary>
    public static void Prepare(Type type) =>
        typeof(DeclaredReader<>).MakeGenericType(type).GetProperty(nameof(DeclaredReader<int>.Fields))!.GetValue(null);

    public static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().MaxBy(c => c.GetParameters().Length) ?? throw new InvalidOperationException($"{type.Name} has no public constructor");

    /// <summary>A nullable parameter (<c>string?</c>, <c>int?</c>) is an optional field; any other is required.</summary>
    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable);

    private static List<DeclaredField>? Declare(Type type)
    {
        if (!type.GetProperties().Any(p => p.IsDefined(typeof(WireFieldAttribute))))
        {
            return null;
        }

        return Constructor(type).GetParameters().Select(parameter =>
        {
            var property = type.GetProperty(parameter.Name!) ?? throw new InvalidOperationException($"{type.Name}.{parameter.Name} is not a property");
            var wire = property.GetCustomAttribute<WireFieldAttribute>() ?? throw new InvalidOperationException($"{type.Name}.{property.Name} declares no wire field");
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            return new DeclaredField(name, !IsNullable(parameter), wire, parameter);
        }).ToList();
    }
}
