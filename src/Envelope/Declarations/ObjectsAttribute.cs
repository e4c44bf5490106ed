using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>
/// An array of at most <see cref="MaxCount"/> objects, each a declared request itself (the parameter is an
/// <c>IReadOnlyList</c> of it). An absent or null array is an empty list, so the field is always optional.
/// </summary>
public sealed class ObjectsAttribute(int maxCount, params string[] aliases) : WireFieldAttribute(aliases)
{
    public int MaxCount { get; } = maxCount;

    public override Expression Read(Expression data, string wireName, bool required, Type type)
    {
        if (required || !type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IReadOnlyList<>))
        {
            throw new InvalidOperationException($"{wireName}: a list of objects is declared as an optional IReadOnlyList<T>?");
        }

        // The element's own reader is compiled now, with its parent's, so that a wrong declaration stops the process at startup.
        var element = type.GetGenericArguments()[0];
        DeclaredFields.Prepare(element);
        var read = typeof(ObjectsAttribute).GetMethod(nameof(ReadAll))!.MakeGenericMethod(element);
        return Expression.Call(read, data, Expression.Constant(wireName), Expression.Constant(MaxCount), Expression.Constant(Aliases));
    }

    public static IReadOnlyList<T> ReadAll<T>(EnvelopeData data, string name, int maxCount, string[] aliases) =>
        data.Objects(name, maxCount, aliases).Select(DeclaredReader<T>.Read).ToList();

    public override WireSchema Schema => new(MaxItems: MaxCount);
}
