using System.Text.Json.Nodes;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Front;

/// <summary>
/// The document's answers cannot drift from what the handlers write: real answers of every endpoint that answers
/// returnData, taken from the running front, against /openapi/v1.json.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DocumentedRepliesTests(SupervisionCluster system, PhotoServer photos) : IClassFixture<PhotoServer>
{
    /// <summary>A face check a minute and a daily limit, so that a report answers every field it can (todayRemaining, checkDue).</summary>
    private static readonly object Checked = new { videoOnHook = 2, faceTimeLimit = 5, studyHourLimit = 8, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task Every_field_an_answer_carries_is_documented_and_every_field_the_document_requires_is_carried()
    {
        var document = await DocumentAsync();
        var platforms = await Platforms.ProvisionAsync(system);
        var answers = new Dictionary<string, JsonObject>
        {
            ["/api/v1/thlogin"] = await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = platforms.LearningCode + "-account", passWord = "correct horse battery" }),
        };

        var learner = await Learner.EnrolAsync(system, Checked, firstVideoSeconds: 3600, platforms: platforms);
        await learner.SetPhotoAsync(photos.Publish(FacePhotos.Registered));
        EnvelopeAssert.Code("0", await learner.StartAsync());
        var reports = await learner.PlayMinutesAsync(2);
        answers["/api/v1/studyHour"] = reports.First(r => (string?)r["returnCode"] == "0" && Learner.CheckDue(r) is not null);

        var study = new { studyPlatformCode = platforms.LearningCode, resCode = learner.FirstVideo, studentUserCode = learner.StudentUserCode, classCode = learner.ClassCode };
        answers["/api/v1/getFaceCompareConfig"] = await system.PostEnvelopeAsync("/api/v1/getFaceCompareConfig", study, platforms.LearningToken);
        var bizCode = (string)answers["/api/v1/getFaceCompareConfig"]["returnData"]!["bizCode"]!;
        answers["/api/v1/thirdFaceCompare"] = await learner.SubmitFaceAsync(bizCode, FacePhotos.LiveCapture(1));
        answers["/api/v1/getVerificationCode"] = await system.PostEnvelopeAsync("/api/v1/getVerificationCode", study, platforms.LearningToken);
        answers["/api/class/v1/classStudentStudy"] = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode = learner.ClassCode }, platforms.BusinessToken);
        answers["/api/course/v1/courseInfo"] = await system.PostEnvelopeAsync("/api/course/v1/courseInfo", new
        {
            studyPlatformApiUrl = platforms.LearningUrl,
            courseName = "焊工安全 " + TestIds.Code(),
            sectionList = new[] { new { sectionName = "第一章", sectionSort = "1", sectionSourceList = new[] { new { chapterName = "第一节", videoUrl = "http://v.example.test/1.mp4", chapterSort = "1", duration = "50" } } } },
        }, platforms.BusinessToken);

        // Every route whose document answers returnData is asked above (the seed's misspelt aliases answer as their paths).
        var documented = document["paths"]!.AsObject()
            .Where(path => path.Value!["post"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"] is JsonObject reply
                && Resolve(document, reply)["properties"]?["returnData"] is not null
                && ((string?)path.Value["post"]!["summary"])?.EndsWith("(alias)", StringComparison.Ordinal) is not true)
            .Select(path => path.Key).Where(path => path.StartsWith("/api", StringComparison.Ordinal));
        Assert.Equal(documented.Order(), answers.Keys.Order());

        Assert.All(answers, answer =>
        {
            Assert.True((string?)answer.Value["returnCode"] == "0", $"{answer.Key}: {answer.Value.ToJsonString()}");
            var reply = Resolve(document, document["paths"]![answer.Key]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.AsObject());
            AssertDocumented(document, answer.Key + " returnData", Resolve(document, reply["properties"]!["returnData"]!.AsObject()), answer.Value["returnData"]!);
        });
    }

    private static void AssertDocumented(JsonObject document, string at, JsonObject schema, JsonNode value)
    {
        if (value is JsonArray list)
        {
            Assert.True(list.Count > 0, $"{at}: an empty list shows nothing of its rows");
            Assert.All(list, row => AssertDocumented(document, at + "[]", Resolve(document, schema["items"]!.AsObject()), row!));
            return;
        }

        if (value is not JsonObject answered)
        {
            return;
        }

        var properties = schema["properties"]!.AsObject();
        var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!);
        Assert.All(answered, field => Assert.True(properties.ContainsKey(field.Key), $"{at}.{field.Key} is answered and not documented"));
        Assert.All(required, field => Assert.True(answered.ContainsKey(field), $"{at}.{field} is documented as required and not answered"));
        foreach (var field in answered)
        {
            AssertDocumented(document, $"{at}.{field.Key}", Resolve(document, properties[field.Key]!.AsObject()), field.Value!);
        }
    }

    /// <summary>The schema itself, references followed, and of a nullable one (anyOf / oneOf with null) the one that is not null.</summary>
    private static JsonObject Resolve(JsonObject document, JsonObject schema)
    {
        if (schema["$ref"] is { } reference)
        {
            return Resolve(document, document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject());
        }

        var choices = (schema["anyOf"] ?? schema["oneOf"])?.AsArray();
        return choices?.Select(c => c!.AsObject()).FirstOrDefault(c => (string?)c["type"] != "null") is { } chosen ? Resolve(document, chosen) : schema;
    }

    private Task<JsonObject> DocumentAsync() => MappedRoutes.DocumentAsync(system);
}
