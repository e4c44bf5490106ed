namespace Supervision.DemoPopulation;

/// <summary>Made-up Chinese names: a common surname and one or two given-name characters of the person's sex.</summary>
public static class ChineseNames
{
    // Roughly in order of frequency; the first ones are drawn more often.
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string MaleGiven = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林建国志文海东亮成晨";
    private const string FemaleGiven = "芳娜敏静丽艳娟霞秀玲燕红梅琳倩婷雪慧颖洁佳璐晶欣悦蕾薇萍兰瑶琴露云月";

    public static string Next(Random random, bool male)
    {
        // Squaring the draw favours the common surnames at the front of the list.
        var surname = Surnames[(int)(Math.Pow(random.NextDouble(), 2) * Surnames.Length)];
        var given = male ? MaleGiven : FemaleGiven;
        var first = given[random.Next(given.Length)];
        return random.Next(3) == 0 ? $"{surname}{first}" : $"{surname}{first}{given[random.Next(given.Length)]}";
    }
}
