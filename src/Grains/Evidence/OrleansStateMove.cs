namespace Supervision.Grains.Evidence;

/// <summary>
/// Moves a grain's state kept by an earlier release in Orleans' grain storage onto its <see cref="LedgeredState{T}"/>
/// the first time the grain activates. The grain knows its own key, so nothing has to decode the keys Orleans stored
/// (a code that reads as hex or as a Guid is stored as numbers, not as text). The move is committed before the old
/// row is cleared: a clear that fails leaves a row the next activation ignores, never a state lost.
/// </summary>
public static class OrleansStateMove
{
    public static async Task MoveAsync<T>(LedgeredState<T> store, IPersistentState<T> earlier, DateTimeOffset now)
        where T : class, new()
    {
        if (store.RecordExists || !earlier.RecordExists)
        {
            return;
        }

        await store.CommitAsync(new StateChange<T>(earlier.State, now));
        await earlier.ClearStateAsync();
    }
}
