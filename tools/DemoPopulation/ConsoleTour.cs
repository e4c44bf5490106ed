namespace Supervision.DemoPopulation;

/// <summary>Where to click first in the console, with the demo's own names: who cheats and how, whose day to read, what waits for review.</summary>
public static class ConsoleTour
{
    public static void Print(TextWriter output, Population population, IReadOnlyDictionary<DemoLearner, string> outcomes)
    {
        var cheaters = population.Learners.Where(l => l.Pattern != CheatPattern.None).ToList();
        output.WriteLine($"""

            {population.Learners.Count} learners in {population.Classes.Count} classes ({string.Join("、", population.Classes.Select(c => c.Name).Take(4))} …),
            taught by {string.Join(" and ", population.Learning.Select(p => p.Name))}, registered by {string.Join(" and ", population.Business.Select(p => p.Name))}.
            {cheaters.Count} of them cheat; the rest study honestly, answer every pop-up code and pass every face check.

            Where to look first in the console:
              1. 谁在作弊 Who is cheating (the ranked cheaters, also on 概览 Overview): who cheats, how, and the seconds it did not earn them. This demo's:
            """);
        // One of each pattern; the speeders beyond the first are counted, not listed.
        var speeders = cheaters.Where(l => l.Pattern == CheatPattern.SpeedsTheClock).ToList();
        foreach (var learner in cheaters.Where(l => l.Pattern != CheatPattern.SpeedsTheClock).Prepend(speeders[0]))
            output.WriteLine($"       {learner.Person.Name} ({learner.StudentUserCode}, {learner.Class.Name}): {What(learner.Pattern)} — {outcomes.GetValueOrDefault(learner, "")}");
        if (speeders.Count > 1)
            output.WriteLine($"       and {speeders.Count - 1} more who claim ten times the time that passed, on every report");
        var jumper = cheaters.First(l => l.Pattern == CheatPattern.JumpsToTheEnd);
        var honest = population.Learners.First(l => l.Pattern == CheatPattern.None && l.Class.Kind.VideoOnHook == 2);
        output.WriteLine($"""
              2. A learner's day (班级 Classes → a class → a student → timeline): an honest learner, {honest.Person.Name} in {honest.Class.Name}
                 ({honest.Class.ClassCode} / {honest.StudentUserCode}), beside a cheater, {jumper.Person.Name} ({jumper.Class.ClassCode} / {jumper.StudentUserCode}).
              3. 人脸复核 Face review: the photos scored close to the threshold wait for a person's decision.
              4. 概览 Overview: activity, credit and anomalies growing while the learners study; 异常明细 Anomalies: each one as a sentence.
            """);
    }

    private static string What(CheatPattern pattern) => pattern switch
    {
        CheatPattern.SpeedsTheClock => "claims ten times the time that passed (progress_ahead_of_clock)",
        CheatPattern.JumpsToTheEnd => "drags the player to the end, then ends the video (position_jump, end_after_jump)",
        CheatPattern.StudiesOnTwoPlatforms => "starts on a second learning platform while studying live (1309, live_on_another_platform)",
        CheatPattern.StudiesTwoClasses => "studies two classes at once (concurrent_session, then closed_session_report)",
        CheatPattern.RestartsRapidly => "restarts videos to refill the clock (rapid_restarts)",
        CheatPattern.AnswersCodesLikeABot => "answers pop-up codes faster than anybody types (check_answer_bot, a flag)",
        CheatPattern.ReplaysABizCode => "sends a used pop-up code again (biz_code_replayed)",
        CheatPattern.SwapsThePhoto => "swaps the registered photo after studying began (photo_changed_after_study)",
        CheatPattern.SendsTheRegisteredPhoto => "sends the registered photo to a face check (face_photo_replayed)",
        CheatPattern.SendsSomeoneElse => "has someone else sit the face check (face_mismatch)",
        CheatPattern.BorderlinePass => "honest, but a poor webcam's photo passed close to the threshold (face review)",
        CheatPattern.BorderlineRefusal => "honest, but a poor webcam's photo was refused close to the threshold (face review)",
        _ => "studies honestly",
    };
}
