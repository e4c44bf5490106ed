namespace Supervision.Grains.Delivery;

/// <summary>How an attempt that did not fail ended.</summary>
public enum AttemptOutcome
{
    Delivered,

    /// <summary>A newer version of the class is queued and carries the same class: this one need not be sent.</summary>
    Superseded,

    /// <summary>The change that queued this push was never committed (its call failed and was not acknowledged).</summary>
    Discarded,
}
