using System.ComponentModel;
using Supervision.Contracts.Classes;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>A class's supervision policy under 1.12's field names: inlined in 2.4's data, and the body of the operator's PUT policy.</summary>
public readonly record struct ClassPolicyData(
    [property: Flag, Description("1: nothing is credited until the student passed 1.2 (0 or 1; true and false are accepted too)")] bool? RealNameAuthentication,
    [property: Integer(0, 24), Description("Hours per student per class per day (UTC+8); 0 = no limit")] int? StudyHourLimit,
    [property: Integer(0, 24 * 60), Description("Validity of a check, in minutes (5 when unset)")] int? FaceTimeLimit,
    [property: Integer(0, 2), Description("Anti-idle checks: 0 none, 1 pop-up code, 2 face")] int? VideoOnHook,
    [property: Object(inParentWhenAbsent: true), Description("The trigger of the anti-idle checks. When absent, triggerType and triggervValue are read beside it, where the seed's table puts them")] VideoOnHookDetailData? VideoOnHookDetail,
    [property: Flag, Description("1: each session needs a passed face check before anything counts")] bool? VideoStartFace,
    [property: Flag, Description("1: each studied video needs a recording (1.9)")] bool? VideoPlayRecord)
{
    /// <summary>The policy: a field left out takes its default (off, no limit, no trigger).</summary>
    public ClassPolicy Policy() => new()
    {
        RealNameAuthentication = RealNameAuthentication ?? false,
        StudyHourLimit = StudyHourLimit ?? 0,
        FaceTimeLimit = FaceTimeLimit ?? 0,
        VideoOnHook = VideoOnHook ?? 0,
        TriggerType = VideoOnHookDetail?.TriggerType,
        TriggerValue = VideoOnHookDetail?.TriggervValue,
        VideoStartFace = VideoStartFace ?? false,
        VideoPlayRecord = VideoPlayRecord ?? false,
    };
}
