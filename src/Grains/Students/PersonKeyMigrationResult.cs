namespace Supervision.Grains.Students;

/// <summary>
/// What <see cref="PersonKeyMigration"/> moved: student rows and check photos, and the student rows it could not
/// move because their key is not the plain digest of the ID number they hold (none in a database this project wrote).
/// </summary>
public sealed record PersonKeyMigrationResult(int Students, int CheckPhotos, int Unmatched);
