namespace Supervision.DemoPopulation;

/// <summary>What a demo learner does wrong, once at the start (docs/study-rules.md "Anomalies"); None studies honestly.</summary>
public enum CheatPattern
{
    None,

    /// <summary>Claims ten times the time that passed, on every report (progress_ahead_of_clock).</summary>
    SpeedsTheClock,

    /// <summary>Drags the player to near the end, then ends the video (position_jump, end_after_jump).</summary>
    JumpsToTheEnd,

    /// <summary>Starts a video on another learning platform while studying live on this one (1309, live_on_another_platform).</summary>
    StudiesOnTwoPlatforms,

    /// <summary>Starts a class of the same platform while studying another, then reports on both (concurrent_session, closed_session_report).</summary>
    StudiesTwoClasses,

    /// <summary>Restarts videos over and over to refill the clock (rapid_restarts).</summary>
    RestartsRapidly,

    /// <summary>Answers pop-up codes faster than anybody reads and types them (check_answer_bot).</summary>
    AnswersCodesLikeABot,

    /// <summary>Submits a pop-up code's bizCode a second time (biz_code_replayed).</summary>
    ReplaysABizCode,

    /// <summary>Swaps the registered photo after studying began (photo_changed_after_study).</summary>
    SwapsThePhoto,

    /// <summary>Sends the registered photo itself to a face check (face_photo_replayed).</summary>
    SendsTheRegisteredPhoto,

    /// <summary>Has someone else sit the face check (face_mismatch).</summary>
    SendsSomeoneElse,

    /// <summary>An honest learner whose poor webcam lands a pass close to the threshold (a face review item).</summary>
    BorderlinePass,

    /// <summary>An honest learner whose poor webcam lands a refusal close to the threshold (a face review item).</summary>
    BorderlineRefusal,
}
