using System.Diagnostics.CodeAnalysis;
using Supervision.Contracts.Classes;

namespace Supervision.Grains.Study;

/// <summary>
/// The values every learner of a class holds alike — the codes of platforms, courses, sections and videos, and the
/// class's policy — one instance each for the whole silo. A state read from the database, or a code read from a
/// request, is otherwise a copy of its own per learner. Bounded: a class without a course tree admits any video
/// code, and such codes must not be remembered for ever.
/// </summary>
public static class SharedValues
{
    public static readonly ValueTable<string> Codes = new(100_000);
    public static readonly ValueTable<ClassPolicy> Policies = new(10_000);

    [return: NotNullIfNotNull(nameof(code))]
    public static string? Code(string? code) => code is null ? null : Codes.Of(code);
}
