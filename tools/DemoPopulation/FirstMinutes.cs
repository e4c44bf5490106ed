using System.Text.Json.Nodes;

namespace Supervision.DemoPopulation;

/// <summary>
/// Everyone's first minutes: each learner starts their first video and, a minute later, reports it. The cheaters then do
/// what they came for, once each (<see cref="CheatPattern"/>); the honest and the speeders go on in <see cref="LiveStudy"/>.
/// </summary>
public sealed class FirstMinutes(Player player, DemoClock clock, FacePictures faces, string photosUrl)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>What each cheater's act was answered, by learner: what the demo prints and a test can read.</summary>
    public Dictionary<DemoLearner, string> Outcomes { get; } = [];

    public async Task RunAsync(IReadOnlyList<DemoLearner> learners)
    {
        await clock.ForEachAsync(learners, async learner =>
        {
            DemoClient.Expect0($"1.3 {learner.StudentUserCode}", await player.StartAsync(learner));
            learner.LastReportAt = clock.Now;
        });
        await clock.WaitAsync(Minute);
        await clock.ForEachAsync(learners, PlayAsync);
    }

    private async Task PlayAsync(DemoLearner learner)
    {
        var played = (int)(clock.Now - learner.LastReportAt).TotalSeconds;
        var claimed = learner.Pattern == CheatPattern.SpeedsTheClock ? played * 10 : played;
        learner.Position += claimed;
        var first = await player.ReportAsync(learner, claimed);
        if (learner.Pattern == CheatPattern.SpeedsTheClock)
            Outcomes[learner] = $"claimed {claimed} s after {played} s: credited {(int?)first["returnData"]?["credited"] ?? 0} s";
        else if (learner.Pattern != CheatPattern.None)
            Outcomes[learner] = await CheatOrSayWhyAsync(learner);
    }

    /// <summary>A cheat the server could not answer in time (a slow machine, a fast replayed clock) is said, not fatal to the demo.</summary>
    private async Task<string> CheatOrSayWhyAsync(DemoLearner learner)
    {
        try
        {
            return await CheatAsync(learner);
        }
        catch (InvalidOperationException e)
        {
            return $"not done: {e.Message}";
        }
    }

    private async Task<string> CheatAsync(DemoLearner learner)
    {
        switch (learner.Pattern)
        {
            case CheatPattern.JumpsToTheEnd:
                await clock.WaitAsync(Minute);
                learner.Position = learner.Video.Seconds - 30;
                var jump = await player.ReportAsync(learner, 60);
                var end = await player.EndAsync(learner);
                var jumpedTo = learner.Position;
                await player.NextVideoAsync(learner);
                return $"jumped to {jumpedTo} s of the video: {Said(jump)}, then ended it: {Said(end)}";
            case CheatPattern.StudiesOnTwoPlatforms:
            case CheatPattern.StudiesTwoClasses:
                var other = learner.OtherEnrolment!;
                other.LastReportAt = clock.Now;
                return $"started {other.Class.ClassCode} on {other.Class.Learning.Code} while studying here: {Said(await player.StartAsync(other))}";
            case CheatPattern.RestartsRapidly:
                for (var i = 1; i <= 5; i++)
                {
                    await clock.WaitAsync(TimeSpan.FromSeconds(5));
                    learner.VideoIndex = i % 2;
                    learner.Position = 0;
                    await player.StartAsync(learner);
                }

                return "started a video 5 times in 25 s";
            case CheatPattern.AnswersCodesLikeABot:
                // Three fast ones make the flag (docs/study-rules.md "Bots"); five, so a slow server's round trip on one changes nothing.
                var answers = new List<string>();
                for (var i = 0; i < 5; i++)
                    answers.Add(Said((await player.AnswerCodeAsync(learner, TimeSpan.FromMilliseconds(300))).Answer));
                return $"answered 5 pop-up codes 0.3 s after each appeared: {string.Join(", ", answers)}";
            case CheatPattern.ReplaysABizCode:
                var (_, bizCode, code) = await player.AnswerCodeAsync(learner, TimeSpan.FromSeconds(4));
                await clock.WaitAsync(TimeSpan.FromSeconds(20));
                return $"sent a passed code's bizCode again: {Said(await player.SubmitCodeAsync(learner, bizCode, code))}";
            case CheatPattern.SwapsThePhoto:
                return $"replaced the registered photo with another person's: {Said(await player.ReplacePhotoAsync(learner, $"{photosUrl.TrimEnd('/')}/{FacePictures.AnotherPersonFile}"))}";
            case CheatPattern.SendsTheRegisteredPhoto:
                return $"sent the registered photo to a face check: result {await player.SitFaceCheckAsync(learner, faces.Registered)}";
            case CheatPattern.SendsSomeoneElse:
                return $"had someone else sit a face check: result {await player.SitFaceCheckAsync(learner, faces.SomeoneElse)}";
            case CheatPattern.BorderlinePass:
                learner.UsedCaptures.Add(FacePictures.BorderlinePassCapture);
                return $"a poor webcam's photo: result {await player.SitFaceCheckAsync(learner, faces.ThroughAPoorWebcam(FacePictures.BorderlinePassCapture))}";
            case CheatPattern.BorderlineRefusal:
                learner.UsedCaptures.Add(FacePictures.BorderlineRefusalCapture);
                var refused = await player.SitFaceCheckAsync(learner, faces.ThroughAPoorWebcam(FacePictures.BorderlineRefusalCapture));
                await player.SitFaceCheckWithANewCaptureAsync(learner);
                return $"a poor webcam's photo: result {refused}, then a retake";
            default:
                return "";
        }
    }

    private static string Said(JsonObject answer) => DemoClient.Code(answer) == "0" ? "0" : $"{DemoClient.Code(answer)} ({(string?)answer["returnMsg"]})";
}
