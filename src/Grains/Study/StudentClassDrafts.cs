using Orleans.Serialization;

namespace Supervision.Grains.Study;

/// <summary>
/// What the deciders need of one student-class beside its state: whose it is, the bank's cap, and the copier that
/// gives each decision a draft of its own, so that a decision changes nothing it was given.
/// </summary>
/// <remarks>A report, the hot path, drafts on a partial copy (<see cref="ForReport"/>); every other change on a deep one.</remarks>
public readonly record struct StudentClassDrafts(string ClassCode, string StudentUserCode, int BankCapSeconds, DeepCopier<StudentClassState> Copier)
{
    public StudentClassChange New(StudentClassState state, DateTimeOffset now) => new(Copier.Copy(state), now, ClassCode, StudentUserCode);

    /// <summary>A report's change on the open span, drafted on <see cref="StudentClassState.DraftForReport"/>.</summary>
    public StudentClassChange ForReport(StudentClassState state, DateTimeOffset now) => new(state.DraftForReport(), now, ClassCode, StudentUserCode);
}
