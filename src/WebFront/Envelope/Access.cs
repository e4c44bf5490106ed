namespace Supervision.WebFront.Envelope;

/// <summary>Who may call an envelope endpoint.</summary>
public enum Access
{
    /// <summary>1.1 login: no token.</summary>
    Anyone,

    /// <summary>Section 1: a learning platform's token.</summary>
    LearningPlatform,

    /// <summary>Section 2: a business platform's token.</summary>
    BusinessPlatform,
}
