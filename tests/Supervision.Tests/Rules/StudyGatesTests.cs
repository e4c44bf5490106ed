using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Grains.Study;

namespace Supervision.Tests.Rules;

public sealed class StudyGatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static string? Gate(ClassPolicy policy, Action<StudentClassState, StudySpan, ResourceStudy>? arrange = null)
    {
        var state = new StudentClassState { Policy = policy };
        var span = new StudySpan();
        var resource = new ResourceStudy { DurationSeconds = 3600 };
        arrange?.Invoke(state, span, resource);
        return StudyGates.Check(state, span, resource, 60, Now)?.Code;
    }

    [Fact]
    public void Real_name_comes_first()
    {
        var code = Gate(new ClassPolicy { RealNameAuthentication = true, StudyHourLimit = 1 }, (s, span, _) => { span.AwaitingStartFace = true; s.TodayCredited = 3600; });

        Assert.Equal(ReturnCode.RealNameRequired, code);
    }

    [Fact]
    public void A_start_face_still_awaited_refuses()
    {
        Assert.Equal(ReturnCode.StartFaceRequired, Gate(new ClassPolicy { VideoStartFace = true }, (_, span, _) => span.AwaitingStartFace = true));
    }

    [Fact]
    public void An_overdue_check_refuses_unless_the_video_is_fully_credited()
    {
        var policy = new ClassPolicy { VideoOnHook = 1 };
        void Overdue(StudentClassState s, StudySpan span, ResourceStudy r) => r.Schedule.DueSince = Now.AddMinutes(-6);

        Assert.Equal(ReturnCode.CheckOverdue, Gate(policy, Overdue));
        Assert.Null(Gate(policy, (s, span, r) => { Overdue(s, span, r); r.Credited = 3600; }));
    }

    [Fact]
    public void Todays_limit_reached_refuses_and_zero_means_none()
    {
        Assert.Equal(ReturnCode.DailyLimitReached, Gate(new ClassPolicy { StudyHourLimit = 1 }, (s, _, _) => s.TodayCredited = 3600));
        Assert.Null(Gate(new ClassPolicy(), (s, _, _) => s.TodayCredited = 86_000));
    }
}
