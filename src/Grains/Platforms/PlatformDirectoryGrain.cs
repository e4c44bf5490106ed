using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Platforms;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Platforms;

public sealed class PlatformDirectoryGrain(
    LedgeredStates states,
    [PersistentState(PlatformDirectoryGrain.StateKind, StorageNames.Main)] IPersistentState<PlatformDirectoryState> earlier,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IPlatformDirectoryGrain
{
    private const string StateKind = "directory";

    // Kept in memory only: a silo restart forgives, which is acceptable for a throttle.
    private readonly LoginBackoff backoff = new();
    private readonly Dictionary<string, string> codeByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> codeByApiUrl = new(StringComparer.Ordinal);

    private LedgeredState<PlatformDirectoryState> store = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = states.For<PlatformDirectoryState>(StateKind, this.GetPrimaryKeyString());
        await store.LoadAsync();
        await OrleansStateMove.MoveAsync(store, earlier, time.GetUtcNow());
        foreach (var (code, entry) in store.Current.Platforms)
        {
            Index(code, entry);
        }
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
        var previous = store.Current.Platforms.GetValueOrDefault(platformCode);
        if (previous == entry)
        {
            return Outcome.Ok;
        }

        var change = store.Change(time.GetUtcNow());
        change.Draft.Platforms[platformCode] = entry;
        await store.CommitAsync(change);
        if (previous is not null)
        {
            codeByAccount.Remove(previous.Account);
            if (previous.ApiUrlKey is not null)
            {
                codeByApiUrl.Remove(previous.ApiUrlKey);
            }
        }

        Index(platformCode, entry);
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
        Task.FromResult<IReadOnlyList<string>>(store.Current.Platforms.Keys.Order(StringComparer.Ordinal).ToList());

    private void Index(string code, PlatformDirectoryEntry entry)
    {
        codeByAccount[entry.Account] = code;
        if (entry.ApiUrlKey is not null)
        {
            codeByApiUrl[entry.ApiUrlKey] = code;
        }
    }
}
