namespace Supervision.EvidenceArchive;

/// <summary>The command will not do what it was asked, for a reason the operator can act on; nothing was changed.</summary>
public sealed class ArchiveRefusedException(string message) : Exception(message);
