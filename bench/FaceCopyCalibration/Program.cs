using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using Supervision.FaceComparison;
using Supervision.TestFaces;
using static Supervision.TestFaces.PhotoEdits;

// Calibrates the edited-copy check (docs/face.md "Edited copies"): the likeness of FacePrints, and the local
// descriptor distance beside it, for (an edited copy, its original) by edit kind, against (two real captures of one
// person). Usage: dotnet Supervision.Bench.FaceCopyCalibration.dll <folder> [edit every n-th capture, 5] [pairs.csv],
// where each file is named <sequence>_<n>.png|jpg and the files of one sequence are captures of one person, taken
// apart in time (prepare.sh lays out the set of docs/face.md).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var folder = args.Length > 0 ? args[0] : throw new ArgumentException("Give the folder of capture sequences.");
var originalsEvery = args.Length > 1 ? int.Parse(args[1]) : 5;

var options = new FaceComparisonOptions();
using var session = new SessionOptions { IntraOpNumThreads = 1 };
using var printer = new FacePrinter(options);
using var detector = new TinyFaceDetector(session);
using var landmarker = new FaceLandmarker(session);
using var descriptors = new FaceDescriptorExtractor(session);

// The print as the server takes it; the descriptor as the local comparer does, to show its distance beside.
(FacePrint Print, float[] Descriptor)? Measure(byte[] photo)
{
    using var bitmap = SKBitmap.Decode(photo);
    using var image = SKImage.FromBitmap(bitmap);
    if (printer.Print(image) is not { } print)
        return null;
    using var widened = WidenedCanvas.Widen(image);
    foreach (var candidate in new[] { image, widened })
    {
        if (detector.Detect(candidate, options.LocalMinFaceScore) is not { } face)
            continue;
        var chip = FaceChipAligner.Chip(candidate, landmarker.Locate(candidate, face));
        if (chip.Length > 0)
            return (print, descriptors.Describe(chip));
    }

    return null;
}

var sequences = Directory.GetFiles(folder)
    .Where(f => f.EndsWith(".png") || f.EndsWith(".jpg"))
    .OrderBy(f => f, StringComparer.Ordinal)
    .GroupBy(f => Path.GetFileNameWithoutExtension(f)[..Path.GetFileNameWithoutExtension(f).LastIndexOf('_')])
    .ToList();

var captures = new Dictionary<string, List<(string File, FacePrint Print, float[] Descriptor)>>();
var thumbnails = new Dictionary<string, ImageFingerprint>();
var noFace = 0;
foreach (var sequence in sequences)
{
    var measured = new List<(string, FacePrint, float[])>();
    foreach (var file in sequence)
    {
        using (var decoded = SKBitmap.Decode(file))
            thumbnails[file] = ImageFingerprint.Of(decoded);
        if (Measure(File.ReadAllBytes(file)) is { } m)
            measured.Add((file, m.Print, m.Descriptor));
        else
            noFace++;
    }

    captures[sequence.Key] = measured;
}

Console.WriteLine($"{captures.Sum(c => c.Value.Count)} captures with a face in {captures.Count} sequences; {noFace} without a face found");
var real = new List<(double Likeness, double Distance, double Seconds)>();
foreach (var (_, list) in captures)
{
    for (var i = 0; i < list.Count; i++)
    {
        for (var j = i + 1; j < list.Count; j++)
            real.Add((list[i].Print.Likeness(list[j].Print), FaceDescriptorExtractor.Distance(list[i].Descriptor, list[j].Descriptor), Math.Abs(Seconds(list[i].File) - Seconds(list[j].File))));
    }
}

// With a third argument, every pair's figures go to that CSV file too, for other cuts of the same data.
var csv = args.Length > 2 ? new StreamWriter(args[2]) : null;
csv?.WriteLine("kind,a,b,seconds,likeness,distance,thumbnail");
foreach (var (_, list) in captures)
{
    for (var i = 0; i < list.Count; i++)
    {
        for (var j = 0; j < list.Count; j++)
        {
            if (i != j)
                csv?.WriteLine($"real,{Path.GetFileName(list[i].File)},{Path.GetFileName(list[j].File)},{Seconds(list[j].File) - Seconds(list[i].File)},{list[i].Print.Likeness(list[j].Print):0.0000},{FaceDescriptorExtractor.Distance(list[i].Descriptor, list[j].Descriptor):0.0000},{thumbnails[list[i].File].MeanDifference(thumbnails[list[j].File]):0.00}");
        }
    }
}

foreach (var gap in new[] { 0, 10, 30, 60 })
    Report($"two real captures of one person, ≥ {gap} s apart", real.Where(r => r.Seconds >= gap).Select(r => (r.Likeness, r.Distance)).ToList());

var originals = new List<(string Name, byte[] Photo)> { ("hopper", FacePhotos.Hopper), ("astronaut", FacePhotos.Astronaut) };
foreach (var (_, list) in captures)
    originals.AddRange(list.Where((_, i) => i % originalsEvery == 0).Select(c => (Path.GetFileName(c.File), File.ReadAllBytes(c.File))));
Console.WriteLine($"{originals.Count} originals edited");

var random = new Random(21);
Edit RandomCombination() => Chain(
    Rotate((float)Math.Round(random.NextDouble() * 20 - 10, 1)),
    random.Next(2) == 0 ? Mirror() : Jpeg(90),
    Crop((float)Math.Round(random.NextDouble() * 0.15, 2)),
    Scale((float)Math.Round(0.6 + random.NextDouble() * 0.8, 2)),
    Blur((float)Math.Round(random.NextDouble() * 2.5, 1)),
    Shift(random.Next(-15, 16)),
    Brightness((float)Math.Round(0.7 + random.NextDouble() * 0.6, 2)),
    Contrast((float)Math.Round(0.7 + random.NextDouble() * 0.6, 2)),
    Jpeg(random.Next(5, 96)));

var kinds = new (string Kind, Func<Edit[]> Edits)[]
{
    ("rotation ±2…10°", () => [Rotate(2), Rotate(-2), Rotate(5), Rotate(-5), Rotate(10), Rotate(-10)]),
    ("mirror", () => [Mirror()]),
    ("crop 5…15 %", () => [Crop(0.05f), Crop(0.08f), Crop(0.15f), CropCorner(0.08f), CropCorner(0.15f)]),
    ("scale ×0.5…×1.5", () => [Scale(0.5f), Scale(0.75f), Scale(1.5f)]),
    ("blur σ 1…3", () => [Blur(1), Blur(2), Blur(3)]),
    ("shift 5…20 px", () => [Shift(5), Shift(12), Shift(-20)]),
    ("brightness ×0.6…×1.4", () => [Brightness(0.6f), Brightness(0.8f), Brightness(1.2f), Brightness(1.4f)]),
    ("contrast ×0.6…×1.4", () => [Contrast(0.6f), Contrast(1.4f)]),
    ("JPEG quality 5…95", () => [Jpeg(5), Jpeg(10), Jpeg(30), Jpeg(60), Jpeg(95)]),
    ("the issue's: 2° + mirror + crop 8 % + blur + shift 12 px + JPEG", () => [Chain(Rotate(2), Mirror(), Crop(0.08f), Blur(1), Shift(12), Jpeg(70))]),
    ("random combinations of all (10 each)", () => Enumerable.Range(0, 10).Select(_ => RandomCombination()).ToArray()),
};

var all = new List<(double, double)>();
var missed = 0;
foreach (var (kind, edits) in kinds)
{
    var copies = new List<(double Likeness, double Distance)>();
    foreach (var (name, photo) in originals)
    {
        using var bitmap = SKBitmap.Decode(photo);
        var original = Measure(photo);
        if (original is null)
            continue;
        foreach (var edit in edits())
        {
            if (Measure(Encode(bitmap, edit)) is { } copy)
            {
                copies.Add((original.Value.Print.Likeness(copy.Print), FaceDescriptorExtractor.Distance(original.Value.Descriptor, copy.Descriptor)));
                csv?.WriteLine($"{kind.Replace(',', ';')},{name},{edit.Name.Replace(',', ';')},0,{copies[^1].Likeness:0.0000},{copies[^1].Distance:0.0000},");
            }
            else
                missed++;
        }
    }

    Report($"edited copy: {kind}", copies);
    all.AddRange(copies);
}

Report("edited copy: every kind", all);
foreach (var threshold in new[] { 0.97, 0.98, 0.985, 0.99, 0.993, 0.995 })
{
    var refusedReal = string.Join(", ", new[] { 0, 10, 30, 60 }.Select(gap =>
    {
        var pairs = real.Where(r => r.Seconds >= gap).ToList();
        return $"≥ {gap} s: {100.0 * pairs.Count(r => r.Likeness >= threshold) / pairs.Count:0.0} %";
    }));
    Console.WriteLine($"likeness ≥ {threshold}: copies missed {100.0 * all.Count(c => c.Item1 < threshold) / all.Count:0.0} %; real pairs judged copies {refusedReal}");
}
Console.WriteLine($"{missed} edited copies without a face found");
csv?.Dispose();

// What the check costs the server: one print (decode, detection, landmarks, drawing) and one likeness.
var timer = System.Diagnostics.Stopwatch.StartNew();
FacePrint? timed = null;
for (var i = 0; i < 20; i++)
    timed = await printer.PrintAsync(FacePhotos.Hopper, CancellationToken.None);
var printMs = timer.Elapsed.TotalMilliseconds / 20;
timer.Restart();
var sink = 0.0;
for (var i = 0; i < 1000; i++)
    sink += timed!.Likeness(timed);
Console.WriteLine($"one print of the 512×512 JPEG: {printMs:0.0} ms; one likeness: {timer.Elapsed.TotalMilliseconds / 1000:0.00} ms ({sink:0})");

// Where in its sequence a capture was taken: video frames were sampled every 2 s from 1, stills are named by their frame at 25 fps.
static double Seconds(string file)
{
    var name = Path.GetFileNameWithoutExtension(file);
    var number = int.Parse(name[(name.LastIndexOf('_') + 1)..]);
    return name.Contains("still") ? number / 25.0 : (number - 1) * 2.0;
}

static void Report(string what, List<(double Likeness, double Distance)> pairs)
{
    Console.WriteLine($"| {what} | {pairs.Count} | {Spread(pairs.Select(p => p.Likeness))} | {Spread(pairs.Select(p => p.Distance))} |");
}

static string Spread(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    if (sorted.Length == 0)
        return "—";
    double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
    return $"{sorted[0]:0.000} / {At(0.01):0.000} / {At(0.5):0.000} / {At(0.99):0.000} / {sorted[^1]:0.000}";
}
