using System.Text.Json;
using Supervision.Contracts.Courses;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Reads 1.14's answer. The seed's table puts pageNo/pageSize/totalPage under returnData, its example at the
/// top level beside a `data` list: both are read. Packages have 1.13's shape and spellings.
/// </summary>
public static class CataloguePageReader
{
    private const int MaxList = 10_000;

    public static CataloguePage Read(JsonElement answer, int requestedPage)
    {
        var top = new AnswerFields(answer, "");
        var nested = top.TryGet("returnData", out var returnData) && returnData.ValueKind == JsonValueKind.Object
            ? new AnswerFields(returnData, ".returnData")
            : (AnswerFields?)null;

        var totalPage = (int?)(top.OptionalInteger("totalPage", 0, int.MaxValue) ?? nested?.OptionalInteger("totalPage", 0, int.MaxValue))
            ?? throw new DeliveryFailure("answer .totalPage: is required");
        var pageNo = (int?)(top.OptionalInteger("pageNo", 0, int.MaxValue) ?? nested?.OptionalInteger("pageNo", 0, int.MaxValue)) ?? requestedPage;

        var packages = top.TryGet("data", out var list) ? AnswerFields.Elements(list, ".data", MaxList)
            : nested is { } inner && inner.TryGet("data", out list) ? AnswerFields.Elements(list, ".returnData.data", MaxList)
            : returnData.ValueKind == JsonValueKind.Array ? AnswerFields.Elements(returnData, ".returnData", MaxList)
            : [];
        return new CataloguePage(pageNo, totalPage, packages.Select(Package).ToList());
    }

    private static CoursePackage Package(AnswerFields package) => new(
        package.Code("courseCode"),
        package.Text("courseName", 256),
        package.OptionalText("workName", 128),
        (CourseStatus)(package.OptionalInteger("courseStatus", 0, 2) ?? 0),
        package.OptionalText("coursePoster", 2048),
        package.Objects("chapterList", 1_000).Select(Chapter).ToList());

    private static CourseChapter Chapter(AnswerFields chapter) => new(
        chapter.Code("chapterCode", "chapetCode"),
        chapter.OptionalCode("parentChapterCode", "parentChapertCode"),
        chapter.OptionalText("chapterName", 256),
        (int)(chapter.OptionalInteger("chapterSort", int.MinValue, int.MaxValue) ?? 0),
        chapter.Objects("sectionList", 1_000).Select(Section).ToList(),
        chapter.Objects("chapterList", 1_000).Select(Chapter).ToList());

    private static CourseSection Section(AnswerFields section) => new(
        section.Code("sectionCode"),
        section.OptionalCode("parentSectionCode"),
        section.OptionalText("sectionName", 256),
        (int)(section.OptionalInteger("sectionSort", int.MinValue, int.MaxValue) ?? 0),
        section.Objects("sectionSourceList", 1_000).Select(Resource).ToList());

    private static CourseResource Resource(AnswerFields resource) => new(
        resource.Code("resCode"),
        resource.OptionalText("resName", 256),
        resource.OptionalText("videoUrl", 2048),
        (int)(resource.OptionalInteger("resSort", int.MinValue, int.MaxValue) ?? 0),
        (int)(resource.OptionalInteger("duration", 0, 7 * 24 * 3600) ?? 0));
}
