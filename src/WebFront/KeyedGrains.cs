namespace Supervision.WebFront;

/// <summary>
/// A grain reference by string key, with the grain's type and interface type resolved once per interface. Orleans'
/// <c>GetGrain&lt;T&gt;(string)</c> resolves both on every call, by reflection over T's attributes and by formatting
/// and parsing type names: about 1 KB and a few microseconds on every studyHour (issue 24, docs/benchmarks.md).
/// </summary>
public static class KeyedGrains
{
    public static T Get<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        var (type, interfaceType) = Resolved<T>.Types ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(type, key), interfaceType);
    }

    private static (GrainType, GrainInterfaceType) Resolve<T>(IGrainFactory grains)
        where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)grains.GetGrain<T>("-");
        return (reference.GrainId.Type, reference.InterfaceType);
    }

    private static class Resolved<T>
    {
        public static (GrainType, GrainInterfaceType)? Types;
    }
}
