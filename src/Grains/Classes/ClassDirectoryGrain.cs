using Supervision.Contracts.Classes;

namespace Supervision.Grains.Classes;

[StatelessWorker]
public sealed class ClassDirectoryGrain(ClassDirectory directory) : Grain, IClassDirectoryGrain
{
    public async Task<ClassPage> List(string? search, int offset, int limit)
    {
        var (total, codes) = await directory.FindAsync(search, offset, limit);
        var summaries = await Task.WhenAll(codes.Select(code => GrainFactory.GetGrain<IClassGrain>(code).Summarize()));
        return new ClassPage(total, summaries.OfType<ClassSummary>().ToList());
    }
}
