// Times the local face comparer on this machine: model load, one comparison of two photos (whole and by stage),
// throughput with every core busy, and resident memory. Usage: dotnet run -c Release --project bench/FaceCompare [iterations]
using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using Supervision.FaceComparison;
using Supervision.TestFaces;

var iterations = args.Length > 0 ? int.Parse(args[0]) : 40;
var options = new FaceComparisonOptions();
Console.WriteLine($"{Environment.ProcessorCount} cores, {iterations} iterations, .NET {Environment.Version}, LocalIntraOpThreads {options.LocalIntraOpThreads}");

var hopper = FacePhotos.Hopper;
var retake = FacePhotos.Variant(hopper, rotateDegrees: 6, brightness: 0.8f);
var large = FacePhotos.Variant(hopper, scale: 2.1f, quality: 92);
var rssBefore = ResidentMegabytes();

var load = Stopwatch.StartNew();
using var comparer = new LocalFaceComparer(options);
load.Stop();
Console.WriteLine($"model load: {load.Elapsed.TotalMilliseconds:F0} ms; resident {rssBefore:F0} MB before, {ResidentMegabytes():F0} MB after");

for (var i = 0; i < 3; i++)
    await comparer.CompareAsync(hopper, retake, CancellationToken.None);

await Report("512×512 JPEG vs its retake", hopper, retake);
await Report("512×512 JPEG vs another person (512×512 PNG)", hopper, FacePhotos.Astronaut);
await Report($"1075×1075 JPEG ({large.Length / 1024} KB) vs 512×512 retake", large, retake);

var parallel = Environment.ProcessorCount;
var throughput = Stopwatch.StartNew();
await Parallel.ForAsync(0, iterations * parallel, new ParallelOptions { MaxDegreeOfParallelism = parallel },
    async (_, ct) => await comparer.CompareAsync(hopper, retake, ct));
throughput.Stop();
Console.WriteLine($"throughput, {parallel} at once: {iterations * parallel / throughput.Elapsed.TotalSeconds:F1} comparisons/s");
Console.WriteLine($"resident after the runs: {ResidentMegabytes():F0} MB (peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB)");

// Last, because it loads a second set of sessions that would inflate the memory figures above.
ReportStages(hopper);

async Task Report(string label, byte[] reference, byte[] probe)
{
    var times = new double[iterations];
    FaceComparison? result = null;
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        result = await comparer.CompareAsync(reference, probe, CancellationToken.None);
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    Console.WriteLine($"{label}: median {times[iterations / 2]:F1} ms, p95 {times[(int)(iterations * 0.95)]:F1} ms, min {times[0]:F1} ms ({result!.Decision}, distance {result.Score:F3})");
}

// The same stages LocalFaceComparer runs, timed one by one on one photo with the same session settings.
void ReportStages(byte[] photo)
{
    using var sessionOptions = new SessionOptions { IntraOpNumThreads = options.LocalIntraOpThreads, InterOpNumThreads = 1 };
    using var detector = new TinyFaceDetector(sessionOptions);
    using var landmarker = new FaceLandmarker(sessionOptions);
    using var descriptors = new FaceDescriptorExtractor(sessionOptions);
    double decode = 0, detect = 0, locate = 0, align = 0, describe = 0;
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        using var checkedImage = ImageCheck.Decode(photo);
        using var image = SKImage.FromBitmap(checkedImage.Bitmap);
        decode += Lap(watch);
        var face = detector.Detect(image, options.LocalMinFaceScore)!.Value;
        detect += Lap(watch);
        var landmarks = landmarker.Locate(image, face);
        locate += Lap(watch);
        var chip = FaceChipAligner.Chip(image, landmarks);
        align += Lap(watch);
        descriptors.Describe(chip);
        describe += Lap(watch);
    }

    Console.WriteLine($"one 512×512 photo by stage (mean ms): decode {decode / iterations:F1}, detect {detect / iterations:F1}, " +
                      $"landmarks {locate / iterations:F1}, align {align / iterations:F1}, descriptor {describe / iterations:F1}");
}

static double Lap(Stopwatch watch)
{
    var elapsed = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    return elapsed;
}

static double ResidentMegabytes()
{
    using var process = Process.GetCurrentProcess();
    return process.WorkingSet64 / 1048576.0;
}
