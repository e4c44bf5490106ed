using Orleans.Concurrency;

namespace Supervision.Contracts.Platforms;

/// <summary>
/// The one index from login accounts and learning-platform API URLs to platform codes.
/// Platforms number in the tens or hundreds and change rarely, so one grain holds the whole map.
/// </summary>
public interface IPlatformDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Claims an account name and an API URL for a platform; fails when another platform holds either.</summary>
    Task<Outcome> Claim(string platformCode, PlatformRole role, string account, string? apiBaseUrl);

    /// <summary>
    /// 1.1: finds the account's platform and checks the password there, or against a decoy hash when there is no such
    /// account. Failures are counted per account and source address (1107 once a pair has failed too often).
    /// Interleaved: logins must not queue behind each other's slow hashing.
    /// </summary>
    [AlwaysInterleave]
    Task<Outcome<PlatformIdentity>> LogIn(string account, string password, string sourceAddress);

    Task<string?> FindLearningPlatformByApiUrl(string apiUrl);

    Task<IReadOnlyList<string>> ListCodes();
}
