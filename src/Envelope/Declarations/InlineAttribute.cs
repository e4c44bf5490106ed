using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>
/// Another declaration's fields, read from the same object as this one's (the parameter is a nullable struct of it):
/// 2.4 carries 1.12's policy fields beside the class's own. Null when the object carries none of them, so the
/// document lists them as optional fields of the object itself.
/// </summary>
public sealed class InlineAttribute() : WireFieldAttribute([])
{
    public override Expression Read(Expression data, string wireName, bool required, Type type)
    {
        if (required || Nullable.GetUnderlyingType(type) is not { } inlined)
        {
            throw new InvalidOperationException($"{wireName}: inlined fields are declared as an optional struct (T?)");
        }

        var names = DeclaredFields.Of(inlined)!.SelectMany(f => f.OnTheWire).SelectMany(f => f.Aliases.Prepend(f.WireName)).ToArray();
        DeclaredFields.Prepare(inlined);
        var read = typeof(InlineAttribute).GetMethod(nameof(ReadHere))!.MakeGenericMethod(inlined);
        return Expression.Call(read, data, Expression.Constant(names));
    }

    public static T? ReadHere<T>(EnvelopeData data, string[] names) where T : struct =>
        names.Any(data.Has) ? DeclaredReader<T>.Read(data) : null;

    public override WireSchema Schema => WireSchema.None;

    /// <summary>Not a field of its own: the inlined declaration's fields, each optional here.</summary>
    public override IEnumerable<DeclaredField> OnTheWire(DeclaredField field) =>
        DeclaredFields.OfElement(field).SelectMany(inner => inner.OnTheWire).Select(inner => inner with { Required = false });
}
