using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Platforms;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Platforms;

/// <summary>A platform's registration: its role, account, password hash and where it is called. Committed through the ledger like every grain's state.</summary>
public sealed class PlatformGrain(
    LedgeredStates states,
    [PersistentState(PlatformGrain.StateKind, StorageNames.Main)] IPersistentState<PlatformState> earlier,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IPlatformGrain
{
    public const string LoginFailedMessage = "studyPlatformAcount/passWord: account unknown or password wrong";
    private const string StateKind = "platform";

    private LedgeredState<PlatformState> store = null!;

    private string Code => this.GetPrimaryKeyString();

    private PlatformState State => store.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = states.For<PlatformState>(StateKind, Code);
        await store.LoadAsync();
        await OrleansStateMove.MoveAsync(store, earlier, time.GetUtcNow());
    }

    public async Task<Outcome<PlatformView>> Register(PlatformRegistration registration, OperatorAction by)
    {
        if (store.RecordExists && State.Role != registration.Role)
        {
            return Outcome.Fail(ReturnCode.Conflict, $"role: platform {Code} is already a {State.Role} platform");
        }

        var directory = GrainFactory.GetGrain<IPlatformDirectoryGrain>(0);
        var claim = await directory.Claim(Code, registration.Role, registration.Account, registration.ApiBaseUrl);
        if (!claim.Succeeded)
        {
            return claim;
        }

        // Hashing is deliberately slow; keep it off the grain's turn so other calls to this grain are not held up.
        var hash = await Task.Run(() => PasswordHash.Create(registration.Password));
        var change = store.Change(time.GetUtcNow());
        var draft = change.Draft;
        var before = store.RecordExists ? Facts(State) : null;
        draft.Name = registration.Name;
        draft.Role = registration.Role;
        draft.Account = registration.Account;
        draft.PasswordHash = hash;
        draft.ApiBaseUrl = registration.ApiBaseUrl;
        draft.OutboundToken = registration.OutboundToken;

        // Every registration, even one that repeats the same password, revokes the tokens issued before it: the
        // operator re-registers a platform to change what it may do or to shut out whoever holds its password.
        draft.CredentialVersion++;
        change.Events.Add(EvidenceEvent.Of(change.Now, new PlatformRegistrationEvidence(
            before is null ? "register" : "reregister", Code, Facts(draft), before is null ? "set" : "changed",
            OutboundTokenChange(before is null ? null : State.OutboundToken, draft.OutboundToken), by.Operator, by.Address, before)) with
        {
            PlatformCode = Code,
        });
        var earlierTokens = store.RecordExists;
        await store.CommitAsync(change);
        if (earlierTokens)
        {
            await GrainFactory.GetGrain<ICredentialWatchGrain>(0).Revoke(Code, State.CredentialVersion);
        }

        return Outcome<PlatformView>.Ok(View());
    }

    public async Task<Outcome<PlatformIdentity>> VerifyPassword(string password)
    {
        if (!store.RecordExists)
        {
            return Outcome.Fail(ReturnCode.LoginFailed, LoginFailedMessage);
        }

        var stored = State.PasswordHash;
        if (!await Task.Run(() => PasswordHash.Verify(password, stored)))
        {
            return Outcome.Fail(ReturnCode.LoginFailed, LoginFailedMessage);
        }

        return Outcome<PlatformIdentity>.Ok(new PlatformIdentity(Code, State.Name, State.Role, State.CredentialVersion));
    }

    public Task<PlatformView?> Describe() => Task.FromResult(store.RecordExists ? View() : null);

    public Task<int?> CredentialVersion() => Task.FromResult(store.RecordExists ? State.CredentialVersion : (int?)null);

    public Task<PlatformEndpoint?> Endpoint() => Task.FromResult(store.RecordExists
        ? new PlatformEndpoint(State.Role, State.ApiBaseUrl, State.OutboundToken)
        : null);

    private static PlatformFacts Facts(PlatformState state) =>
        new(state.Name, state.Role == PlatformRole.Learning ? "learning" : "business", state.Account, state.ApiBaseUrl, !string.IsNullOrEmpty(state.OutboundToken));

    /// <summary>The outbound token's change in words: the evidence never holds the token.</summary>
    private static string OutboundTokenChange(string? before, string? after) => (string.IsNullOrEmpty(before), string.IsNullOrEmpty(after)) switch
    {
        (true, true) => "none",
        (true, false) => "set",
        (false, true) => "removed",
        _ => before == after ? "unchanged" : "changed",
    };

    private PlatformView View() => new(
        Code,
        State.Name,
        State.Role,
        State.Account,
        State.ApiBaseUrl,
        !string.IsNullOrEmpty(State.OutboundToken));
}
