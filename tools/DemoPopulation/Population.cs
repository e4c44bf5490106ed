namespace Supervision.DemoPopulation;

/// <summary>
/// The demo's world, the same for the same seed and intake: two learning platforms that teach, two training
/// organisations that register classes with them, classes of safety training with their courses, and the learners — one
/// of each cheat pattern placed in a class where it can happen, about one in twenty speeding the clock, the rest honest.
/// Each intake (期) is new classes of new people, so a second run on the same data is a new intake beside the first,
/// not the same people again with yesterday's study behind them.
/// </summary>
public sealed class Population
{
    public const int Year = 2026;

    /// <summary>Below this, the classes cannot hold one learner of each pattern beside honest ones.</summary>
    public const int MinimumLearners = 24;

    /// <summary>The first intake a fresh installation gets.</summary>
    public const int FirstIntake = 3;

    public Population(int learners, string learningPlatformsUrl, int intake = FirstIntake, int seed = 2026)
    {
        if (learners < MinimumLearners)
            throw new ArgumentOutOfRangeException(nameof(learners), $"at least {MinimumLearners} learners, so that every cheat pattern has honest classmates");
        // Not HashCode.Combine: it is seeded afresh in every process, and the same seed must make the same people.
        var random = new Random(unchecked((seed * 1_000) + intake));
        Intake = intake;
        Learning = [Platform("LP-ANXUE", "AX", "安学在线职业培训平台", "anxue"), Platform("LP-JIANGXIN", "JX", "匠心职培云课堂", "jiangxin")];
        Business = [new("BP-HUADONG", "HD", "华东安全生产培训中心", "business", null), new("BP-BINJIANG", "BJ", "滨江职业技能培训学校", "business", null)];
        Classes = MakeClasses(Math.Max(4, (learners + 39) / 40), random);
        Learners = Enrol(learners, random);

        DemoPlatform Platform(string code, string shortCode, string name, string slug) =>
            new(code, shortCode, name, "learning", $"{learningPlatformsUrl.TrimEnd('/')}/{slug}/api");
    }

    /// <summary>The period (期) of this run's first classes.</summary>
    public int Intake { get; }

    public IReadOnlyList<DemoPlatform> Learning { get; }

    public IReadOnlyList<DemoPlatform> Business { get; }

    public IReadOnlyList<DemoClass> Classes { get; }

    /// <summary>Every learner in the class they study in; an <see cref="DemoLearner.OtherEnrolment"/> is on its class's roster only.</summary>
    public IReadOnlyList<DemoLearner> Learners { get; }

    public IEnumerable<DemoPlatform> Platforms => Learning.Concat(Business);

    public IEnumerable<Course> Courses(DemoPlatform learning) =>
        Classes.Where(c => c.Learning == learning).Select(c => c.Course).DistinctBy(c => c.CourseCode);

    private List<DemoClass> MakeClasses(int count, Random random)
    {
        var courses = new Dictionary<(DemoPlatform, ClassKind), Course>();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var kind = ClassKind.All[i % ClassKind.All.Count];
            var learning = Learning[i % 2];
            var business = Business[i / 2 % 2];
            var period = Intake + (i / ClassKind.All.Count);
            if (!courses.TryGetValue((learning, kind), out var course))
                courses[(learning, kind)] = course = kind.CourseOf(learning.ShortCode, random);
            return new DemoClass($"{business.ShortCode}-{kind.ShortCode}-{Year}{period:D2}", $"{kind.Name} {Year}年第{period}期", kind, course, learning, business);
        })];
    }

    private List<DemoLearner> Enrol(int count, Random random)
    {
        var placed = PlacePatterns();
        var cardNos = new HashSet<string>();
        var serials = Business.ToDictionary(b => b, _ => 0);
        var learners = new List<DemoLearner>();
        for (var i = 0; i < count; i++)
        {
            var @class = Classes[i % Classes.Count];
            var pattern = placed[@class].Count > 0 ? placed[@class].Dequeue()
                : random.Next(20) == 0 ? CheatPattern.SpeedsTheClock : CheatPattern.None;
            var person = NewPerson(random, i, cardNos);
            var learner = Join(person, @class, pattern, random, serials);
            if (pattern is CheatPattern.StudiesOnTwoPlatforms or CheatPattern.StudiesTwoClasses)
            {
                var other = Classes.First(c => c != @class && (c.Learning == @class.Learning) == (pattern == CheatPattern.StudiesTwoClasses));
                learner.OtherEnrolment = Join(person, other, CheatPattern.None, random, serials);
            }

            learners.Add(learner);
        }

        return learners;
    }

    private DemoLearner Join(DemoPerson person, DemoClass @class, CheatPattern pattern, Random random, Dictionary<DemoPlatform, int> serials)
    {
        var code = $"{@class.Business.ShortCode}{Year}{Intake:D2}-{++serials[@class.Business]:D4}";
        var device = new byte[16];
        random.NextBytes(device);
        var learner = new DemoLearner(person, @class, code, new Guid(device).ToString(), pattern);
        @class.Roster.Add(learner);
        return learner;
    }

    /// <summary>Each cheat pattern in a class where it can happen, spread over the classes that fit.</summary>
    private Dictionary<DemoClass, Queue<CheatPattern>> PlacePatterns()
    {
        var placed = Classes.ToDictionary(c => c, _ => new Queue<CheatPattern>());
        var patterns = Enum.GetValues<CheatPattern>().Where(p => p != CheatPattern.None).ToList();
        for (var k = 0; k < patterns.Count; k++)
        {
            var fitting = Classes.Where(c => Fits(patterns[k], c)).ToList();
            placed[fitting[k % fitting.Count]].Enqueue(patterns[k]);
        }

        return placed;
    }

    private static bool Fits(CheatPattern pattern, DemoClass @class) => pattern switch
    {
        CheatPattern.SendsTheRegisteredPhoto or CheatPattern.SendsSomeoneElse or CheatPattern.BorderlinePass or CheatPattern.BorderlineRefusal => @class.Kind.VideoOnHook == 2,
        CheatPattern.AnswersCodesLikeABot or CheatPattern.ReplaysABizCode or CheatPattern.SwapsThePhoto => @class.Kind.VideoOnHook == 1,
        _ => true,
    };

    private static DemoPerson NewPerson(Random random, int index, HashSet<string> cardNos)
    {
        var male = random.Next(100) < 70; // safety trades: mostly men
        string cardNo;
        do
            cardNo = IdNumbers.Next(random, index, male);
        while (!cardNos.Add(cardNo));
        return new DemoPerson(ChineseNames.Next(random, male), cardNo, $"1990000{random.Next(10_000):D4}");
    }
}
