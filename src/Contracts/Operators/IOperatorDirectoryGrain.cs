using Orleans.Concurrency;
using Supervision.Contracts.Evidence;

namespace Supervision.Contracts.Operators;

/// <summary>
/// The operator accounts (one grain, key 0: a regulator has tens of operators, not thousands). Every change is
/// committed through the ledger with its evidence: who changed which account, from what to what.
/// </summary>
public interface IOperatorDirectoryGrain : IGrainWithIntegerKey
{
    Task<Outcome<OperatorAccountView>> Create(string account, OperatorRole role, string password, OperatorAction by);

    Task<Outcome<OperatorAccountView>> Change(string account, OperatorAccountChange change, OperatorAction by);

    /// <summary>An operator's own new password, given the current one (checked with the same guessing limits as a login).</summary>
    Task<Outcome<OperatorAccountView>> ChangeOwnPassword(string account, string current, string replacement, OperatorAction by);

    /// <summary>Checks a password, with the guessing limits per account and address and per account (docs/security.md).</summary>
    Task<Outcome<OperatorSession>> LogIn(string account, string password, string sourceAddress);

    /// <summary>
    /// The account's session as of now, or null when the account is gone, disabled, or changed since <paramref name="version"/>.
    /// Interleaved: a request's check must not wait behind a login's hashing.
    /// </summary>
    [AlwaysInterleave]
    Task<OperatorSession?> Session(string account, int version);

    /// <summary>Whether an enabled administrator exists: until one does, the shared admin key may create one.</summary>
    [AlwaysInterleave]
    Task<bool> AdministratorExists();

    [AlwaysInterleave]
    Task<IReadOnlyList<OperatorAccountView>> List();
}
