namespace Supervision.Contracts.Classes;

/// <summary>Finds classes for the operator: by code or name, newest first, a page at a time.</summary>
public interface IClassDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary><paramref name="search"/> matches part of the class code, class name or organisation name.</summary>
    Task<ClassPage> List(string? search, int offset, int limit);
}
