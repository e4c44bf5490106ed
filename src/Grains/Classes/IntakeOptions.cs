using Supervision.Contracts.Classes;

namespace Supervision.Grains.Classes;

/// <summary>How classes arriving through 2.4 are treated (configuration section "Supervision:Intake").</summary>
public sealed class IntakeOptions
{
    public const string Section = "Supervision:Intake";

    /// <summary>Approve a class as soon as it arrives, under its own policy or <see cref="DefaultPolicy"/>.</summary>
    public bool AutoApprove { get; set; } = true;

    /// <summary>The policy of a class whose 2.4 request carried none.</summary>
    public ClassPolicy DefaultPolicy { get; set; } = ClassPolicy.Unsupervised;
}
