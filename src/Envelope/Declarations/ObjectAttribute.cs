using System.Linq.Expressions;

namespace Supervision.Envelope.Declarations;

/// <summary>
/// One object, itself a declared request (the parameter is a nullable struct of it): an absent or null object is null,
/// so the field is always optional. With <see cref="InParentWhenAbsent"/>, an absent object's fields are read from the
/// object that holds it instead (the seed's table puts 1.12's trigger at the top level, its example under
/// videoOnHookDetail), and the document lists them there too.
/// </summary>
public sealed class ObjectAttribute(bool inParentWhenAbsent = false, params string[] aliases) : WireFieldAttribute(aliases)
{
    public bool InParentWhenAbsent { get; } = inParentWhenAbsent;

    public override Expression Read(Expression data, string wireName, bool required, Type type)
    {
        if (required || Nullable.GetUnderlyingType(type) is not { } element)
        {
            throw new InvalidOperationException($"{wireName}: an object is declared as an optional struct (T?)");
        }

        // Compiled now, with its parent's reader, so that a wrong declaration stops the process at startup.
        DeclaredFields.Prepare(element);
        var read = typeof(ObjectAttribute).GetMethod(nameof(ReadOne))!.MakeGenericMethod(element);
        return Expression.Call(read, data, Expression.Constant(wireName), Expression.Constant(Aliases), Expression.Constant(InParentWhenAbsent));
    }

    public static T? ReadOne<T>(EnvelopeData data, string name, string[] aliases, bool inParent) where T : struct =>
        data.OptionalObject(name, aliases) is { } nested ? DeclaredReader<T>.Read(nested)
        : inParent ? DeclaredReader<T>.Read(data)
        : null;

    public override WireSchema Schema => WireSchema.None;

    /// <summary>The object, and with <see cref="InParentWhenAbsent"/> its own fields beside it, each optional there.</summary>
    public override IEnumerable<DeclaredField> OnTheWire(DeclaredField field) => InParentWhenAbsent
        ? [field, .. DeclaredFields.OfElement(field).SelectMany(inner => inner.OnTheWire).Select(inner => inner with { Required = false })]
        : [field];
}
