using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Study;

/// <summary>
/// 1.10's headers.timestamp is what tells a retry from a new report with the same numbers, so a report must carry one:
/// the real client's retry is answered as before and counted once, and a report without a usable timestamp is refused
/// with a code naming the field rather than answered "0" with nothing credited.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReportTimestampTests(SupervisionCluster system)
{
    [Fact]
    public async Task The_real_clients_retry_of_a_report_is_answered_as_before_and_every_honest_minute_is_credited()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());

        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var sent = learner.MillisecondTimestamp();
        var first = await learner.ReportAtAsync(sent, 60, 60);
        var retried = await learner.ReportAtAsync(sent, 60, 60);
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var next = await learner.ReportAtAsync(learner.MillisecondTimestamp(), 120, 60);

        Assert.Equal(first.ToJsonString(), retried.ToJsonString());
        Assert.Equal(60, Learner.Credited(first));
        Assert.Equal(60, Learner.Credited(next));
        Assert.Equal(120, await learner.StudyRecordAsync());
        Assert.Empty(await learner.AnomalyKindsAsync());
    }

    [Fact]
    public async Task A_report_without_a_timestamp_is_refused_naming_the_field_and_changes_nothing()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        EnvelopeAssert.Code("0", await learner.ReportAtAsync(learner.MillisecondTimestamp(), 60, 60));

        system.Clock.Advance(TimeSpan.FromSeconds(60));
        var missing = await learner.ReportAtAsync(null, 120, 60);
        var empty = await learner.ReportAtAsync("", 120, 60);

        EnvelopeAssert.Code("1002", missing);
        EnvelopeAssert.Code("1002", empty);
        Assert.Contains("headers.timestamp", (string)missing["returnMsg"]!);
        Assert.Equal(60, await learner.StudyRecordAsync());

        var resent = await learner.ReportAtAsync(learner.MillisecondTimestamp(), 120, 60);
        Assert.Equal(60, Learner.Credited(resent));
        Assert.Equal(120, await learner.StudyRecordAsync());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1587107")]
    [InlineData("-158710719")]
    [InlineData("01587107195")]
    [InlineData("1587107195.5")]
    [InlineData("15871071950000")]
    public async Task A_report_whose_timestamp_is_not_unix_seconds_or_milliseconds_is_refused_and_changes_nothing(string timestamp)
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        system.Clock.Advance(TimeSpan.FromSeconds(60));

        var answer = await learner.ReportAtAsync(timestamp, 60, 60);

        EnvelopeAssert.Code("1003", answer);
        Assert.Contains("headers.timestamp", (string)answer["returnMsg"]!);
        Assert.Equal(0, await learner.StudyRecordAsync() ?? 0);
    }
}
