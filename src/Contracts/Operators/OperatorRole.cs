namespace Supervision.Contracts.Operators;

/// <summary>
/// What an operator account may do, each role including the ones below it: a viewer reads, a reviewer also decides
/// face reviews and flags, an administrator also changes policy, platforms, accounts, pulls and retries.
/// </summary>
public enum OperatorRole
{
    Viewer = 1,
    Reviewer = 2,
    Administrator = 3,
}
