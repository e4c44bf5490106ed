namespace Supervision.Grains;

public static class StorageNames
{
    /// <summary>The ADO.NET grain storage on PostgreSQL that holds every grain's state.</summary>
    public const string Main = "supervision";
}
