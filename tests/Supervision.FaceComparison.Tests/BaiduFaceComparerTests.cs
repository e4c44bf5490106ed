namespace Supervision.FaceComparison.Tests;

public sealed class BaiduFaceComparerTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly byte[] _reference = TestImages.Png(200, 260);
    private readonly byte[] _probe = TestImages.Png(320, 240);
    private FakeBaiduServer _server = null!;
    private BaiduFaceComparer _comparer = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBaiduServer.StartAsync();
        _comparer = new BaiduFaceComparer(_http,
            new BaiduFaceOptions { BaseUrl = _server.BaseUrl, ApiKey = "ak", SecretKey = "sk" },
            new FaceComparisonOptions { CloudPassScore = 80 });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Task<FaceComparison> CompareAsync() => _comparer.CompareAsync(_reference, _probe, CancellationToken.None);

    [Fact]
    public async Task A_score_over_the_pass_score_is_the_same_person_and_images_go_as_plain_base64()
    {
        var result = await CompareAsync();

        Assert.Equal(FaceDecision.Same, result.Decision);
        Assert.Equal(95.5, result.Score);
        Assert.Equal(80, result.Threshold);
        var sent = _server.LastMatchBody!;
        Assert.Equal(Convert.ToBase64String(_reference), sent[0]!["image"]!.GetValue<string>());
        Assert.Equal("BASE64", sent[1]!["image_type"]!.GetValue<string>());
        Assert.Equal("LIVE", sent[1]!["face_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_score_under_the_pass_score_is_a_different_person()
    {
        _server.AnswerMatchWith("""{"error_code":0,"error_msg":"SUCCESS","result":{"score":42.0}}""");
        Assert.Equal(FaceDecision.Different, (await CompareAsync()).Decision);
    }

    [Fact]
    public async Task No_face_is_answered_as_no_face_in_the_probe()
    {
        _server.AnswerMatchWith("""{"error_code":222202,"error_msg":"pic not has face"}""");
        var result = await CompareAsync();
        Assert.Equal(FaceDecision.NoFaceInProbe, result.Decision);
        Assert.False(result.FaceInProbe);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_and_the_match_retried_once()
    {
        _server.AnswerMatchWith("""{"error_code":111,"error_msg":"Access token expired"}""");

        var result = await CompareAsync();

        Assert.Equal(FaceDecision.Same, result.Decision);
        Assert.Equal(2, _server.TokensIssued);
        Assert.Equal(["token-1", "token-2"], _server.TokensSeenByMatch);
    }

    [Fact]
    public async Task A_token_rejected_twice_is_a_typed_failure_without_a_third_try()
    {
        _server.AnswerMatchWith("""{"error_code":110,"error_msg":"Access token invalid"}""", """{"error_code":110,"error_msg":"Access token invalid"}""");
        var failure = await Assert.ThrowsAsync<CloudFaceServiceException>(CompareAsync);
        Assert.Equal(CloudFailureReason.TokenRejected, failure.Reason);
        Assert.Equal(2, _server.MatchCalls);
    }

    [Fact]
    public async Task The_token_is_reused_across_comparisons()
    {
        await CompareAsync();
        await CompareAsync();
        Assert.Equal(1, _server.TokensIssued);
    }

    [Theory]
    [InlineData(18, CloudFailureReason.RateLimited)]
    [InlineData(17, CloudFailureReason.DailyLimitReached)]
    [InlineData(222203, CloudFailureReason.ImageRefused)]
    [InlineData(216100, CloudFailureReason.ServiceError)]
    public async Task Provider_errors_are_typed_failures(int code, CloudFailureReason reason)
    {
        _server.AnswerMatchWith($$"""{"error_code":{{code}},"error_msg":"refused"}""");
        var failure = await Assert.ThrowsAsync<CloudFaceServiceException>(CompareAsync);
        Assert.Equal(reason, failure.Reason);
        Assert.Equal(code, failure.ProviderCode);
    }

    [Theory]
    [InlineData("<html>gateway error</html>")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"error_msg":"SUCCESS"}""")]
    [InlineData("""{"error_code":0,"error_msg":"SUCCESS","result":{"score":"high"}}""")]
    [InlineData("""{"error_code":0,"error_msg":"SUCCESS","result":null}""")]
    public async Task A_malformed_answer_is_a_typed_failure(string answer)
    {
        _server.AnswerMatchWith(answer);
        var failure = await Assert.ThrowsAsync<CloudFaceServiceException>(CompareAsync);
        Assert.Equal(CloudFailureReason.MalformedAnswer, failure.Reason);
    }

    [Fact]
    public async Task A_garbage_probe_is_refused_locally_before_any_call()
    {
        var failure = await Assert.ThrowsAsync<ImageRejectedException>(() => _comparer.CompareAsync(_reference, new byte[] { 1, 2, 3 }, CancellationToken.None));
        Assert.Equal(ImageRejectionReason.NotAnImage, failure.Reason);
        Assert.Equal(0, _server.MatchCalls);
    }
}
