using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Operators;
using Supervision.Grains.Evidence;
using Supervision.Grains.Platforms;

namespace Supervision.Grains.Operators;

/// <summary>
/// The operator accounts, committed through the ledger like every grain's state: each change is one commit with its
/// operator_account evidence (who, from where, the account before and after; a password only as "set" or "changed").
/// </summary>
public sealed class OperatorDirectoryGrain(LedgeredStates states, [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IOperatorDirectoryGrain
{
    public const string LoginFailedMessage = "account/password: account unknown, disabled, or password wrong";

    /// <summary>Failed logins of one account from all addresses together before each further one waits.</summary>
    public const int FreeFailuresPerAccount = 20;

    private const string StateKind = "operators";
    private const string AnyAddress = "*";

    // In memory only, like the platforms' logins: a silo restart forgives, which is acceptable for a throttle.
    private readonly LoginBackoff pairs = new();
    private readonly LoginBackoff accounts = new(FreeFailuresPerAccount);

    private LedgeredState<OperatorDirectoryState> store = null!;

    private Dictionary<string, OperatorAccount> Accounts => store.Current.Accounts;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = states.For<OperatorDirectoryState>(StateKind, this.GetPrimaryKeyLong().ToString());
        await store.LoadAsync();
    }

    public async Task<Outcome<OperatorAccountView>> Create(string account, OperatorRole role, string password, OperatorAction by)
    {
        var (name, refusal) = OperatorAccountRules.Name(account);
        if (refusal is not null)
        {
            return refusal;
        }

        if (OperatorAccountRules.Password(password) is { } weak)
        {
            return weak;
        }

        if (Accounts.ContainsKey(name!))
        {
            return Outcome.Fail(ReturnCode.Conflict, "account: an operator account of this name exists");
        }

        var hash = await Task.Run(() => PasswordHash.Create(password));
        var change = store.Change(time.GetUtcNow());
        var created = new OperatorAccount { Role = role, PasswordHash = hash, Version = 1, CreatedAt = change.Now, CreatedBy = by.Operator, ChangedAt = change.Now };
        change.Draft.Accounts[name!] = created;
        change.Events.Add(EvidenceEvent.Of(change.Now, new OperatorAccountEvidence("create", name!, Facts(created), by.Operator, by.Address, Password: "set")));
        await store.CommitAsync(change);
        return Outcome<OperatorAccountView>.Ok(View(name!, created));
    }

    public async Task<Outcome<OperatorAccountView>> Change(string account, OperatorAccountChange wanted, OperatorAction by)
    {
        if (!Accounts.TryGetValue(account, out var current))
        {
            return Outcome.Fail(ReturnCode.OperatorNotFound, "account: no operator account of this name");
        }

        if (wanted.Password is { } password && OperatorAccountRules.Password(password) is { } weak)
        {
            return weak;
        }

        var role = wanted.Role ?? current.Role;
        var disabled = wanted.Disabled ?? current.Disabled;
        if (current is { Role: OperatorRole.Administrator, Disabled: false } && (role != OperatorRole.Administrator || disabled)
            && !Accounts.Any(a => a.Key != account && a.Value is { Role: OperatorRole.Administrator, Disabled: false }))
        {
            return Outcome.Fail(ReturnCode.Conflict, "account: the last administrator can be neither demoted nor disabled; make another administrator first");
        }

        if (role == current.Role && disabled == current.Disabled && wanted.Password is null)
        {
            return Outcome<OperatorAccountView>.Ok(View(account, current));
        }

        var hash = wanted.Password is null ? current.PasswordHash : await Task.Run(() => PasswordHash.Create(wanted.Password));
        var change = store.Change(time.GetUtcNow());
        var changed = change.Draft.Accounts[account];
        changed.Role = role;
        changed.Disabled = disabled;
        changed.PasswordHash = hash;
        changed.Version++;
        changed.ChangedAt = change.Now;
        change.Events.Add(EvidenceEvent.Of(change.Now, new OperatorAccountEvidence(
            "change", account, Facts(changed), by.Operator, by.Address, Facts(current), wanted.Password is null ? null : "changed")));
        await store.CommitAsync(change);
        return Outcome<OperatorAccountView>.Ok(View(account, changed));
    }

    public async Task<Outcome<OperatorAccountView>> ChangeOwnPassword(string account, string current, string replacement, OperatorAction by)
    {
        var check = await LogIn(account, current, by.Address);
        if (!check.Succeeded)
        {
            return Outcome.Fail(check.Code, check.Code == ReturnCode.LoginFailed ? "currentPassword: wrong" : check.Message);
        }

        return await Change(account, new OperatorAccountChange(Password: replacement), by);
    }

    public async Task<Outcome<OperatorSession>> LogIn(string account, string password, string sourceAddress)
    {
        var now = time.GetUtcNow();
        if ((pairs.RefusedUntil(account, sourceAddress, now) ?? accounts.RefusedUntil(account, AnyAddress, now)) is { } until)
        {
            return Outcome.Fail(ReturnCode.TooManyRequests, $"account: too many failed logins for this account; try again after {until:u}");
        }

        // Counted before the hash is checked: a second guess that arrives while the first is hashed must see it.
        pairs.Attempt(account, sourceAddress, now);
        accounts.Attempt(account, AnyAddress, now);
        var known = Accounts.GetValueOrDefault(account);
        var stored = known?.PasswordHash;
        var verified = stored is null
            ? await Task.Run(() => { PasswordHash.VerifyDecoy(password); return false; })
            : await Task.Run(() => PasswordHash.Verify(password, stored));

        // Read again after the hashing: the account may have changed meanwhile, and the session must carry its version now.
        if (!verified || Accounts.GetValueOrDefault(account) is not { Disabled: false } signedIn || signedIn.PasswordHash != stored)
        {
            return Outcome.Fail(ReturnCode.LoginFailed, LoginFailedMessage);
        }

        pairs.Forgive(account, sourceAddress);
        accounts.Forgive(account, AnyAddress);
        return Outcome<OperatorSession>.Ok(new OperatorSession(account, signedIn.Role, signedIn.Version));
    }

    public Task<OperatorSession?> Session(string account, int version) =>
        Task.FromResult(Accounts.GetValueOrDefault(account) is { Disabled: false } known && known.Version == version
            ? new OperatorSession(account, known.Role, known.Version)
            : null);

    public Task<bool> AdministratorExists() =>
        Task.FromResult(Accounts.Values.Any(a => a is { Role: OperatorRole.Administrator, Disabled: false }));

    public Task<IReadOnlyList<OperatorAccountView>> List() =>
        Task.FromResult<IReadOnlyList<OperatorAccountView>>(Accounts.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => View(a.Key, a.Value)).ToList());

    private static OperatorAccountFacts Facts(OperatorAccount account) => new(OperatorRoleNames.Of(account.Role), account.Disabled);

    private static OperatorAccountView View(string name, OperatorAccount account) =>
        new(name, OperatorRoleNames.Of(account.Role), account.Disabled, account.CreatedAt, account.CreatedBy, account.ChangedAt);
}
