using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;

namespace Supervision.Grains.Platforms;

public sealed class PlatformDirectoryGrain(
    [PersistentState("directory", StorageNames.Main)] IPersistentState<PlatformDirectoryState> state,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IPlatformDirectoryGrain
{
    // Kept in memory only: a silo restart forgives, which is acceptable for a throttle.
    private readonly LoginBackoff backoff = new();
    private readonly Dictionary<string, string> codeByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> codeByApiUrl = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (code, entry) in state.State.Platforms)
        {
            Index(code, entry);
        }

        return Task.CompletedTask;
    }

    public async Task<Outcome> Claim(string platformCode, PlatformRole role, string account, string? apiBaseUrl)
    {
        if (codeByAccount.TryGetValue(account, out var accountOwner) && accountOwner != platformCode)
        {
            return Outcome.Fail(ReturnCode.Conflict, $"account: already used by platform {accountOwner}");
        }

        var urlKey = role == PlatformRole.Learning ? ApiUrlKey.Of(apiBaseUrl) : null;
        if (urlKey is not null && codeByApiUrl.TryGetValue(urlKey, out var urlOwner) && urlOwner != platformCode)
        {
            return Outcome.Fail(ReturnCode.Conflict, $"apiBaseUrl: already used by platform {urlOwner}");
        }

        var entry = new PlatformDirectoryEntry(account, urlKey);
        if (state.State.Platforms.TryGetValue(platformCode, out var previous))
        {
            if (previous == entry)
            {
                return Outcome.Ok;
            }

            codeByAccount.Remove(previous.Account);
            if (previous.ApiUrlKey is not null)
            {
                codeByApiUrl.Remove(previous.ApiUrlKey);
            }
        }

        state.State.Platforms[platformCode] = entry;
        Index(platformCode, entry);
        await state.WriteStateAsync();
        return Outcome.Ok;
    }

    public async Task<Outcome<PlatformIdentity>> LogIn(string account, string password, string sourceAddress)
    {
        var now = time.GetUtcNow();
        if (backoff.RefusedUntil(account, sourceAddress, now) is { } until)
        {
            return Outcome.Fail(ReturnCode.TooManyRequests,
                $"studyPlatformAcount: too many failed logins for this account from this address; try again after {until:u}");
        }

        backoff.Attempt(account, sourceAddress, now);
        Outcome<PlatformIdentity> login;
        if (codeByAccount.TryGetValue(account, out var code))
        {
            login = await GrainFactory.GetGrain<IPlatformGrain>(code).VerifyPassword(password);
        }
        else
        {
            await Task.Run(() => PasswordHash.VerifyDecoy(password));
            login = Outcome.Fail(ReturnCode.LoginFailed, PlatformGrain.LoginFailedMessage);
        }

        if (login.Succeeded)
        {
            backoff.Forgive(account, sourceAddress);
        }

        return login;
    }

    public Task<string?> FindLearningPlatformByApiUrl(string apiUrl) =>
        Task.FromResult(ApiUrlKey.Of(apiUrl) is { } key ? codeByApiUrl.GetValueOrDefault(key) : null);

    public Task<IReadOnlyList<string>> ListCodes() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Platforms.Keys.Order(StringComparer.Ordinal).ToList());

    private void Index(string code, PlatformDirectoryEntry entry)
    {
        codeByAccount[entry.Account] = code;
        if (entry.ApiUrlKey is not null)
        {
            codeByApiUrl[entry.ApiUrlKey] = code;
        }
    }
}
