using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>
/// Reads a declared request from the envelope's data: compiled once from the declaration into the very calls a
/// hand-written parser makes (no boxing, no per-field lookups), so a request costs what its fields cost.
/// </summary>
public static class DeclaredReader<T>
{
    public static IReadOnlyList<DeclaredField> Fields { get; } =
        DeclaredFields.Of(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} declares no wire fields");

    private static readonly Func<EnvelopeData, T> Reader = Compile();

    public static T Read(EnvelopeData data) => Reader(data);

    private static Func<EnvelopeData, T> Compile()
    {
        var data = Expression.Parameter(typeof(EnvelopeData), "data");
        var arguments = Fields.Select(field => As(field.Wire.Read(data, field.WireName, field.Required, field.Parameter.ParameterType), field));
        return Expression.Lambda<Func<EnvelopeData, T>>(Expression.New(DeclaredFields.Constructor(typeof(T)), arguments), data).Compile();
    }

    /// <summary>The read value as the parameter's type: a whole number (long) as the parameter's int or int?.</summary>
    private static Expression As(Expression value, DeclaredField field) =>
        value.Type == field.Parameter.ParameterType ? value : Expression.Convert(value, field.Parameter.ParameterType);
}
