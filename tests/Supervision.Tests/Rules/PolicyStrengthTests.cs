using Supervision.Contracts.Classes;
using Supervision.Grains.Classes;

namespace Supervision.Tests.Rules;

public sealed class PolicyStrengthTests
{
    private static readonly ClassPolicy Current = new()
    {
        RealNameAuthentication = true, StudyHourLimit = 4, FaceTimeLimit = 3, VideoOnHook = 1, TriggerType = 1, TriggerValue = 10, VideoStartFace = true, VideoPlayRecord = true,
    };

    [Fact]
    public void The_same_policy_or_a_stricter_one_weakens_nothing()
    {
        Assert.Empty(PolicyStrength.Weakenings(Current, Current));
        Assert.Empty(PolicyStrength.Weakenings(Current with { StudyHourLimit = 2, FaceTimeLimit = 1, VideoOnHook = 2, TriggerValue = 5 }, Current));
        Assert.Empty(PolicyStrength.Weakenings(Current with { TriggerType = 2, TriggerValue = 10 }, Current with { TriggerType = 2, TriggerValue = 15 }));
    }

    [Theory]
    [InlineData("realNameAuthentication")]
    [InlineData("studyHourLimit")]
    [InlineData("faceTimeLimit")]
    [InlineData("videoOnHook")]
    [InlineData("videoOnHookDetail")]
    [InlineData("videoStartFace")]
    [InlineData("videoPlayRecord")]
    public void Each_field_relaxed_alone_is_named(string field)
    {
        var relaxed = field switch
        {
            "realNameAuthentication" => Current with { RealNameAuthentication = false },
            "studyHourLimit" => Current with { StudyHourLimit = 0 },
            "faceTimeLimit" => Current with { FaceTimeLimit = 0 }, // unset means 5 minutes, longer than 3
            "videoOnHook" => Current with { VideoOnHook = 0 },
            "videoOnHookDetail" => Current with { TriggerValue = 30 },
            "videoStartFace" => Current with { VideoStartFace = false },
            _ => Current with { VideoPlayRecord = false },
        };

        Assert.Equal([field], PolicyStrength.Weakenings(relaxed, Current));
    }

    [Fact]
    public void Schedules_that_cannot_be_ranked_count_as_weaker()
    {
        // Increasing intervals outgrow a fixed one in a long video; a count per video is no interval at all.
        Assert.Equal(["videoOnHookDetail"], PolicyStrength.Weakenings(Current with { TriggerType = 2, TriggerValue = 5 }, Current));
        Assert.Equal(["videoOnHookDetail"], PolicyStrength.Weakenings(Current with { TriggerType = 0, TriggerValue = 20 }, Current));
        Assert.Equal(["videoOnHookDetail"], PolicyStrength.Weakenings(Current with { TriggerType = null, TriggerValue = null }, Current with { TriggerValue = 5 }));
    }
}
