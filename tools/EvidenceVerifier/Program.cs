using Supervision.EvidenceVerifier;

// verify-evidence BUNDLE [--key FINGERPRINT]: checks an evidence bundle offline; exit 0 verified, 1 not, 2 usage.
string? bundle = null;
string? expectedKey = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--key" && i + 1 < args.Length)
    {
        expectedKey = args[++i];
    }
    else if (bundle is null && !args[i].StartsWith('-'))
    {
        bundle = args[i];
    }
    else
    {
        bundle = null;
        break;
    }
}

if (bundle is null || !File.Exists(bundle))
{
    await Console.Error.WriteLineAsync("usage: verify-evidence BUNDLE [--key FINGERPRINT]   (BUNDLE: the file GET /admin/evidence/export answered)");
    return 2;
}

var result = BundleVerifier.Verify(File.ReadLines(bundle), expectedKey);
foreach (var key in result.Keys)
{
    Console.WriteLine($"seal key fingerprint: {key}  (compare it with the one the regulator publishes{(expectedKey is null ? "; or pass --key" : "")})");
}

foreach (var note in result.Notes)
{
    Console.WriteLine(note);
}

if (result.Passed)
{
    Console.WriteLine("VERIFIED");
    return 0;
}

Console.WriteLine($"FAILED: {result.Problems[0]}");
foreach (var problem in result.Problems.Skip(1).Take(20))
{
    Console.WriteLine($"  also: {problem}");
}

return 1;
