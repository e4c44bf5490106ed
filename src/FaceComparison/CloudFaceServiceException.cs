namespace Supervision.FaceComparison;

/// <summary>The cloud provider could not give a verdict; the caller should answer a retryable error, not a face mismatch.</summary>
public sealed class CloudFaceServiceException(CloudFailureReason reason, string message, int? providerCode = null) : Exception(message)
{
    public CloudFailureReason Reason { get; } = reason;

    public int? ProviderCode { get; } = providerCode;
}
