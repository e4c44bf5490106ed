namespace Supervision.DemoPopulation;

/// <summary>
/// A kind of safety-training class: its name, the trade it certifies, its chapters and their videos' titles, and the
/// anti-idle check the operator sets for it (1 pop-up code, 2 face; every <see cref="CheckMinutes"/> minutes of play).
/// </summary>
public sealed record ClassKind(string Name, string ShortCode, string WorkName, int VideoOnHook, int CheckMinutes, IReadOnlyList<(string Chapter, string[] Videos)> Outline)
{
    public static IReadOnlyList<ClassKind> All { get; } =
    [
        new("低压电工作业", "DYDG", "电工", 2, 10,
        [
            ("电工基础知识", ["电路基础与欧姆定律", "常用电工仪表的使用"]),
            ("安全用电", ["触电事故与现场急救", "接地与接零保护"]),
            ("低压电气设备", ["低压配电装置", "电动机的安全运行"]),
        ]),
        new("高处作业", "GCZY", "登高架设", 1, 5,
        [
            ("高处作业基础", ["高处作业的分级与危险因素", "个人防护用品的正确使用"]),
            ("登高架设", ["脚手架的搭设与拆除", "吊篮作业安全"]),
        ]),
        new("焊接与热切割作业", "HJRQ", "焊工", 1, 8,
        [
            ("焊接基础", ["焊接方法与焊接材料", "焊接电弧与熔池"]),
            ("安全防护", ["焊接烟尘与有毒气体防护", "焊割作业防火防爆"]),
            ("特殊作业", ["受限空间内焊接", "高处焊割作业"]),
        ]),
        new("生产经营单位主要负责人安全培训", "ZYFZR", "安全管理", 2, 15,
        [
            ("法律法规", ["安全生产法解读", "安全生产责任制"]),
            ("安全管理", ["风险分级管控与隐患排查治理", "生产安全事故应急救援"]),
        ]),
        new("危险化学品安全作业", "WHP", "化工操作", 2, 10,
        [
            ("危险化学品基础", ["危险化学品的分类与标识", "安全技术说明书的阅读"]),
            ("储存与运输", ["危险化学品储存安全", "装卸与运输安全"]),
        ]),
        new("制冷与空调作业", "ZLKT", "制冷工", 1, 10,
        [
            ("制冷原理", ["制冷循环与制冷剂", "压缩机的结构与原理"]),
            ("运行维护", ["制冷系统的安全运行", "制冷剂泄漏的应急处置"]),
        ]),
    ];

    /// <summary>The course of this kind a learning platform teaches: its codes carry the platform's, since a course code belongs to one platform.</summary>
    public Course CourseOf(string platformShortCode, Random random)
    {
        var code = $"{platformShortCode}-{ShortCode}";
        var chapters = Outline.Select((chapter, c) => new CourseChapter(
            $"{code}-C{c + 1}",
            $"第{c + 1}章 {chapter.Chapter}",
            c + 1,
            [.. chapter.Videos.Select((title, v) => new CourseVideo($"{code}-C{c + 1}-V{v + 1}", title, random.Next(20 * 60, (45 * 60) + 1), v + 1))])).ToList();
        return new Course(code, Name, WorkName, chapters);
    }
}
