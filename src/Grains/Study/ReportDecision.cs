using Supervision.Contracts;
using Supervision.Contracts.Study;

namespace Supervision.Grains.Study;

/// <summary>
/// What <see cref="ReportDecider"/> decided on one report: the answer, and the change to commit before it is sent
/// (none for a refusal that records nothing, or a client's retry). <see cref="WithoutSession"/>: there is no open span
/// on the report's video, and the answer depends on what the class admits (the grain asks it).
/// </summary>
public readonly record struct ReportDecision(Outcome<StudyReceipt>? Answer, StudentClassChange? Change, bool WithoutSession = false)
{
    public static ReportDecision NoOpenSpan => new(null, null, WithoutSession: true);
}
