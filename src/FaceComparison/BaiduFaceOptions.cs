namespace Supervision.FaceComparison;

/// <summary>Bound to <c>Supervision:Face:Baidu</c>. The base URL is configurable so tests can point the adapter at a local fake server.</summary>
public sealed class BaiduFaceOptions
{
    public Uri BaseUrl { get; set; } = new("https://aip.baidubce.com/");

    public string ApiKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>The registered two-inch photo is an ID-style picture, which Baidu scores best as CERT.</summary>
    public string ReferenceFaceType { get; set; } = "CERT";

    public string ProbeFaceType { get; set; } = "LIVE";
}
