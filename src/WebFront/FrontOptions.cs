namespace Supervision.WebFront;

/// <summary>The front's settings (configuration section "Supervision:Front", or the SUPERVISION_* environment).</summary>
public sealed class FrontOptions
{
    public const string Section = "Supervision:Front";

    /// <summary>Room for a 2 MB photo in base64 (about 2.7 MB) and the rest of the envelope.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Shorter operator keys make the front refuse to start: a key is only as good as it is hard to guess.</summary>
    public const int MinAdminKeyLength = 24;

    /// <summary>
    /// The shared admin key (X-Admin-Key), at least <see cref="MinAdminKeyLength"/> characters: a bootstrap that creates the
    /// first administrator account, refused once one exists unless <see cref="KeepAdminKey"/>. Unset: no bootstrap
    /// (create the first administrator from the command line).
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Keeps the shared admin key working as an administrator (recorded as "admin-key") after administrator accounts
    /// exist: for automation that cannot log in. Off by default (SUPERVISION_KEEP_ADMIN_KEY).
    /// </summary>
    public bool KeepAdminKey { get; set; }

    /// <summary>How long an operator's session lasts from its login; changing the account ends it at once.</summary>
    public TimeSpan OperatorSessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Wrong operator keys and passwords one address may present a minute before it is refused (429, 1107),
    /// the right ones included.
    /// </summary>
    public int WrongAdminKeysPerMinutePerAddress { get; set; } = 10;

    /// <summary>Logins one address may try per minute: a platform logs in once every two hours, a guesser far more.</summary>
    public int LoginsPerMinutePerAddress { get; set; } = 30;

    /// <summary>
    /// Requests per second from one address on every other endpoint. A platform's honest peak is one report a
    /// minute per learner: 10,000 learners behind one address are about 170 a second.
    /// </summary>
    public int RequestsPerSecondPerAddress { get; set; } = 5_000;

    /// <summary>
    /// Stored keys (a class's student, a person) a front remembers having found, so that it looks each up once; a
    /// guess is never remembered. About 60 bytes each (a 128-bit keyed hash, not the key's text): 200,000 hold a large
    /// region's learners in about 12 MB.
    /// </summary>
    public int RememberedKeys { get; set; } = 200_000;

    /// <summary>Classes one business platform may register (2.4); the next new one is refused (1311) and nothing is stored.</summary>
    public int ClassesPerBusinessPlatform { get; set; } = 10_000;

    /// <summary>Hex key that signs access tokens; when empty the cluster's key is read from the database.</summary>
    public string? TokenKey { get; set; }
}
