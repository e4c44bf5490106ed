using Supervision.Contracts;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Platforms;

public sealed class PlatformGrain(
    [PersistentState("platform", StorageNames.Main)] IPersistentState<PlatformState> state) : Grain, IPlatformGrain
{
    public const string LoginFailedMessage = "studyPlatformAcount/passWord: account unknown or password wrong";

    private string Code => this.GetPrimaryKeyString();

    public async Task<Outcome<PlatformView>> Register(PlatformRegistration registration)
    {
        if (state.RecordExists && state.State.Role != registration.Role)
        {
            return Outcome.Fail(ReturnCode.Conflict, $"role: platform {Code} is already a {state.State.Role} platform");
        }

        var directory = GrainFactory.GetGrain<IPlatformDirectoryGrain>(0);
        var claim = await directory.Claim(Code, registration.Role, registration.Account, registration.ApiBaseUrl);
        if (!claim.Succeeded)
        {
            return claim;
        }

        // Hashing is deliberately slow; keep it off the grain's turn so other calls to this grain are not held up.
        var hash = await Task.Run(() => PasswordHash.Create(registration.Password));
        state.State.Name = registration.Name;
        state.State.Role = registration.Role;
        state.State.Account = registration.Account;
        state.State.PasswordHash = hash;
        state.State.ApiBaseUrl = registration.ApiBaseUrl;
        state.State.OutboundToken = registration.OutboundToken;

        // Every registration, even one that repeats the same password, revokes the tokens issued before it: the
        // operator re-registers a platform to change what it may do or to shut out whoever holds its password.
        state.State.CredentialVersion++;
        await state.WriteStateAsync();
        return Outcome<PlatformView>.Ok(View());
    }

    public async Task<Outcome<PlatformIdentity>> VerifyPassword(string password)
    {
        if (!state.RecordExists)
        {
            return Outcome.Fail(ReturnCode.LoginFailed, LoginFailedMessage);
        }

        var stored = state.State.PasswordHash;
        if (!await Task.Run(() => PasswordHash.Verify(password, stored)))
        {
            return Outcome.Fail(ReturnCode.LoginFailed, LoginFailedMessage);
        }

        return Outcome<PlatformIdentity>.Ok(new PlatformIdentity(Code, state.State.Name, state.State.Role, state.State.CredentialVersion));
    }

    public Task<PlatformView?> Describe() => Task.FromResult(state.RecordExists ? View() : null);

    public Task<int?> CredentialVersion() => Task.FromResult(state.RecordExists ? state.State.CredentialVersion : (int?)null);

    public Task<PlatformEndpoint?> Endpoint() => Task.FromResult(state.RecordExists
        ? new PlatformEndpoint(state.State.Role, state.State.ApiBaseUrl, state.State.OutboundToken)
        : null);

    private PlatformView View() => new(
        Code,
        state.State.Name,
        state.State.Role,
        state.State.Account,
        state.State.ApiBaseUrl,
        !string.IsNullOrEmpty(state.State.OutboundToken));
}
