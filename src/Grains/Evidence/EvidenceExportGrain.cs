using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;

namespace Supervision.Grains.Evidence;

/// <summary>Streams a class's sealed evidence bundle from the database to the front, line by line.</summary>
[StatelessWorker]
public sealed class EvidenceExportGrain(EvidenceExport export, [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IEvidenceExportGrain
{
    public IAsyncEnumerable<string> Export(string classCode, DateTimeOffset? from, DateTimeOffset? to) =>
        export.LinesAsync(classCode, from, to, time.GetUtcNow());
}
