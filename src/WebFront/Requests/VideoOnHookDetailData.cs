using System.ComponentModel;
using Supervision.Envelope.Declarations;

namespace Supervision.WebFront.Requests;

/// <summary>The trigger of a class's anti-idle checks (1.12's videoOnHookDetail).</summary>
public readonly record struct VideoOnHookDetailData(
    [property: Integer(0, 2), Description("0 fixed count per video, 1 every N minutes, 2 increasing intervals N, 2N, 3N …")] int? TriggerType,
    [property: Integer(0, 10_000, "triggerValue"), Description("N (the seed's spelling)")] int? TriggervValue);
