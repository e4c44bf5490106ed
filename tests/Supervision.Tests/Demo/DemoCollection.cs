namespace Supervision.Tests.Demo;

/// <summary>
/// The tests that read scripts/demo.sh's population (through /admin and in Chromium) share one: it is set up and
/// played once, as a person opening the demo finds it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoPopulationSystem>
{
    public const string Name = "demo population";
}
