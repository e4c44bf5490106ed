using System.Security.Cryptography;
using Supervision.EvidenceChain;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The key that signs the daily evidence seals. It lives outside the database, in a PEM file the operator configures
/// (<see cref="EvidenceSealOptions.SealKeyPath"/>), so that someone who can change the database cannot re-sign what
/// they changed. When the file does not exist, a P-256 key is generated into it at the silo's first start (readable by
/// the operator's account only); the auditor compares its fingerprint with the one the regulator publishes.
/// </summary>
public sealed class SealKey : IDisposable
{
    private readonly ECDsa key;

    private SealKey(ECDsa key)
    {
        this.key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        Fingerprint = SealFingerprint.Of(PublicKey);
    }

    /// <summary>The public key as a DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKey { get; }

    public string Fingerprint { get; }

    public static SealKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return new SealKey(key);
    }

    /// <summary>ECDSA over SHA-256, the signature as r || s (IEEE P1363).</summary>
    public byte[] Sign(byte[] data) => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose() => key.Dispose();

    private static void TryCreate(string path)
    {
        using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Written whole under a name of its own, then moved into place: a silo never reads half a key.
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(written, file))
        {
            writer.Write(created.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another silo of this host made one first: that key is the one.
            File.Delete(written);
        }
    }
}
