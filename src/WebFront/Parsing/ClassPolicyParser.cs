using Supervision.Contracts.Classes;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Parsing;

/// <summary>Reads a supervision policy under 1.12's field names (used by 2.4 and the operator's PUT policy).</summary>
public static class ClassPolicyParser
{
    private static readonly string[] PolicyFields =
        ["realNameAuthentication", "studyHourLimit", "faceTimeLimit", "videoOnHook", "videoOnHookDetail", "videoStartFace", "videoPlayRecord", "triggerType"];

    /// <summary>Null when the object carries no policy field at all (a 2.4 request usually does not).</summary>
    public static ClassPolicy? ParseIfPresent(EnvelopeData data) =>
        PolicyFields.Any(data.Has) ? Parse(data) : null;

    public static ClassPolicy Parse(EnvelopeData data)
    {
        // The seed's table puts the trigger at the top level, its example under videoOnHookDetail: read both.
        var detail = data.OptionalObject("videoOnHookDetail") ?? data;
        return new ClassPolicy
        {
            RealNameAuthentication = data.OptionalFlag("realNameAuthentication") ?? false,
            StudyHourLimit = (int)(data.OptionalInteger("studyHourLimit", 0, 24) ?? 0),
            FaceTimeLimit = (int)(data.OptionalInteger("faceTimeLimit", 0, 24 * 60) ?? 0),
            VideoOnHook = (int)(data.OptionalInteger("videoOnHook", 0, 2) ?? 0),
            TriggerType = (int?)detail.OptionalInteger("triggerType", 0, 2),
            TriggerValue = (int?)detail.OptionalInteger("triggervValue", 0, 10_000, "triggerValue"),
            VideoStartFace = data.OptionalFlag("videoStartFace") ?? false,
            VideoPlayRecord = data.OptionalFlag("videoPlayRecord") ?? false,
        };
    }
}
