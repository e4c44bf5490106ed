namespace Supervision.FaceComparison.Tests;

/// <summary>Loads the detector and landmark models once for all face print tests, as the silo does with its singleton.</summary>
public sealed class FacePrinterFixture : IDisposable
{
    public FacePrinter Printer { get; } = new(new FaceComparisonOptions());

    public FacePrint Print(byte[] photo) =>
        Printer.PrintAsync(photo, CancellationToken.None).GetAwaiter().GetResult() ?? throw new InvalidOperationException("No face found.");

    public void Dispose() => Printer.Dispose();
}
