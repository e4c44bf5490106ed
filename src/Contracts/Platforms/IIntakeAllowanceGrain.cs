namespace Supervision.Contracts.Platforms;

/// <summary>
/// The bounds on the people one business platform registers (2.3 arrays, 2.4 rosters), keyed by its code: at most so
/// many per request, and so many a minute across every front and silo, so that one platform's bulk intake cannot
/// take the silos' memory and time from everyone else.
/// </summary>
public interface IIntakeAllowanceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Admits a request of <paramref name="people"/>, counting them against the platform's rate; refuses it whole,
    /// counting nothing, with 1003 over the per-request maximum (naming <paramref name="field"/>) or 1107 over the rate.
    /// </summary>
    Task<Outcome> Admit(string field, int people);
}
