namespace Supervision.DemoPopulation;

/// <summary>
/// The learners study on, each reporting at the cadence as the real player does (every minute; the demo may go faster):
/// the honest ones report the time that passed and answer every check as a person would, the speeders claim ten times
/// it. A learner whose video ends starts the next one; one out of fresh webcam captures is done for the day.
/// </summary>
public sealed class LiveStudy(Player player, DemoClock clock)
{
    private int reports;

    /// <summary>Reports sent so far.</summary>
    public int Reports => reports;

    /// <summary>On the real clock, or the server's as it replays a day: each learner on their own timer, spread over the cadence so the server sees a steady stream.</summary>
    public async Task RunAsync(IReadOnlyList<DemoLearner> learners, TimeSpan cadence, TimeSpan duration, CancellationToken stop)
    {
        var until = clock.Now + duration;
        await Task.WhenAll(learners.Select(async (learner, i) =>
        {
            try
            {
                await clock.WaitAsync(cadence * i / learners.Count, stop);
                while (clock.Now < until && !learner.Finished)
                {
                    await StepOrSayWhyAsync(learner);
                    await clock.WaitAsync(cadence, stop);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped early (Ctrl-C): the pause below still goes out.
            }
        }));
        await PauseAllAsync(learners);
    }

    /// <summary>
    /// A day as people spend it (the server's clock replaying yesterday): after their first minutes everyone pauses, and
    /// each comes back at an hour of their own between the first minutes and <paramref name="dayEnd"/>, studies for
    /// <paramref name="sitting"/> and pauses again. Videos are left for today.
    /// </summary>
    public async Task RunDayAsync(IReadOnlyList<DemoLearner> learners, TimeSpan cadence, TimeSpan sitting, DateTimeOffset dayEnd, CancellationToken stop)
    {
        await PauseAllAsync(learners);
        var morning = clock.Now;
        var spread = dayEnd - sitting - morning;
        await Task.WhenAll(learners.Select(async (learner, i) =>
        {
            try
            {
                await clock.WaitAsync(spread * ((i * 7919) % learners.Count) / learners.Count, stop);
                if (learner.Finished)
                    return;
                await ResumeAsync([learner]);
                var until = clock.Now + sitting;
                while (clock.Now < until && !learner.Finished)
                {
                    await clock.WaitAsync(cadence, stop);
                    await StepOrSayWhyAsync(learner);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped early (Ctrl-C): the pause below still goes out.
            }
        }));
        await PauseAllAsync(learners);
    }

    /// <summary>On a simulated clock: <paramref name="ticks"/> rounds of the cadence, the learners taking turns in each.</summary>
    public async Task RunTicksAsync(IReadOnlyList<DemoLearner> learners, TimeSpan cadence, int ticks)
    {
        for (var tick = 0; tick < ticks; tick++)
        {
            await clock.WaitAsync(cadence);
            foreach (var learner in learners.Where(l => !l.Finished))
                await StepAsync(learner);
        }
    }

    /// <summary>The next day: everyone not done for good starts their video again where they left it (1.3).</summary>
    public Task ResumeAsync(IReadOnlyList<DemoLearner> learners) =>
        clock.ForEachAsync(learners.Where(l => !l.Finished), async learner =>
        {
            learner.CarriedMilliseconds = 0;
            learner.LastReportAt = clock.Now;
            try
            {
                await player.StartAsync(learner);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                Console.Error.WriteLine($"demo: {learner.StudentUserCode}: {e.Message}");
            }
        });

    /// <summary>1.4 for everyone still studying: their study pauses, as when people close the player.</summary>
    public Task PauseAllAsync(IReadOnlyList<DemoLearner> learners) =>
        clock.ForEachAsync(learners.Where(l => !l.Finished), player.EndAsync);

    /// <summary>A step the server refused or could not answer is said, and the learner goes on at the next one, as a player would.</summary>
    private async Task StepOrSayWhyAsync(DemoLearner learner)
    {
        try
        {
            await StepAsync(learner);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            Console.Error.WriteLine($"demo: {learner.StudentUserCode}: {e.Message}");
        }
    }

    private async Task StepAsync(DemoLearner learner)
    {
        var elapsed = (clock.Now - learner.LastReportAt).TotalMilliseconds + learner.CarriedMilliseconds;
        var played = Math.Min((int)(elapsed / 1000), learner.Video.Seconds - learner.Position);
        learner.CarriedMilliseconds = elapsed - (played * 1000.0);
        var claimed = learner.Pattern == CheatPattern.SpeedsTheClock ? Math.Min(played * 10, learner.Video.Seconds - learner.Position) : played;
        learner.Position += claimed;
        var answer = await player.ReportAsync(learner, claimed);
        Interlocked.Increment(ref reports);
        switch (Player.CheckDue(answer))
        {
            case "code":
                await player.AnswerCodeAsync(learner, HumanTyping(learner));
                break;
            case "face" when !await player.SitFaceCheckWithANewCaptureAsync(learner):
                await player.EndAsync(learner);
                learner.Finished = true;
                return;
        }

        if (learner.Position >= learner.Video.Seconds)
        {
            await player.EndAsync(learner);
            learner.CarriedMilliseconds = 0;
            await player.NextVideoAsync(learner);
        }
    }

    /// <summary>How long a person takes to read and type a code: 2.5 to 9 s, different each time (docs/study-rules.md "Bots").</summary>
    private static TimeSpan HumanTyping(DemoLearner learner) =>
        TimeSpan.FromMilliseconds(2_500 + (((learner.StudentUserCode.Sum(c => c) * 7_919) + (learner.ChecksPassed * 104_729)) % 6_500));
}
