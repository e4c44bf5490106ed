namespace Supervision.Contracts.Operators;

/// <summary>The roles as the API, the console, the command line and the evidence spell them.</summary>
public static class OperatorRoleNames
{
    public const string Viewer = "viewer";
    public const string Reviewer = "reviewer";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All = [Viewer, Reviewer, Administrator];

    public static string Of(OperatorRole role) => role switch
    {
        OperatorRole.Viewer => Viewer,
        OperatorRole.Reviewer => Reviewer,
        OperatorRole.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not an operator role"),
    };

    public static OperatorRole? Parse(string? name) => name switch
    {
        Viewer => OperatorRole.Viewer,
        Reviewer => OperatorRole.Reviewer,
        Administrator => OperatorRole.Administrator,
        _ => null,
    };
}
