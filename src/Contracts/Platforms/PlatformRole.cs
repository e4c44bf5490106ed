namespace Supervision.Contracts.Platforms;

/// <summary>Which side of the interface a platform account calls: section 1 (learning) or section 2 (business).</summary>
public enum PlatformRole
{
    Learning = 1,
    Business = 2,
}
