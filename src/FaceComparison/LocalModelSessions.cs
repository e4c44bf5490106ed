using Microsoft.ML.OnnxRuntime;

namespace Supervision.FaceComparison;

/// <summary>
/// How the embedded networks run: each run on the configured number of threads, one operator at a time, so that
/// several comparisons in parallel (bounded by LocalMaxConcurrentComparisons) share the cores instead of each
/// taking them all.
/// </summary>
public static class LocalModelSessions
{
    public static SessionOptions Options(FaceComparisonOptions options) => new()
    {
        IntraOpNumThreads = Math.Max(1, options.LocalIntraOpThreads),
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };
}
