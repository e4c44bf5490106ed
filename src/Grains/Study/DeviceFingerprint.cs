using Supervision.Contracts.Study;

namespace Supervision.Grains.Study;

/// <summary>
/// A stable 32-bit FNV-1a hash of a request's device headers, so that a span remembers its device in four bytes
/// and a report from another device is recorded with its headers. The same in every process, unlike string hashes.
/// </summary>
public static class DeviceFingerprint
{
    public static int Of(DeviceInfo device)
    {
        var hash = 2166136261u;
        foreach (var c in $"{device.DeviceType}\n{device.DeviceId}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
