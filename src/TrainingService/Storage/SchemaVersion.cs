namespace Training.Service.Storage;

/// <summary>
/// Which shape of data a database file holds, recorded in the file (LiteDB's <c>UserVersion</c>), and the migrations
/// that bring an older file to <see cref="Current"/>. At every start, before anything else writes: a file from a newer
/// release is refused (its shape is unknown here); an older one has every migration above its version applied in
/// order, all in one transaction, then its version recorded. LiteDB records a version only outside a transaction,
/// so a stop between the two runs the migrations again at the next start: each must be harmless to repeat.
/// <para>
/// To change the shape: add a migration with the next number (and say what it does), raise <see cref="Current"/>,
/// and add a test that opens a file of the previous version. A file is never migrated down.
/// </para>
/// </summary>
public static class SchemaVersion
{
    /// <summary>The shape this release reads and writes.</summary>
    public const int Current = 1;

    /// <summary>Every migration, in order: the version it produces, what it does, and the change.</summary>
    private static readonly (int Version, string Does, Action<TrainingDatabase> Apply)[] Migrations =
    [
        (1, "drops the officer and nomination lookup indexes (both are read from memory now)", database =>
        {
            database.Officers.DropIndex("NameKey");
            database.Officers.DropIndex("NameTokens");
            database.Nominations.DropIndex("TargetIndexKey");
            database.Nominations.DropIndex("OfficerKey");
        }),
    ];

    internal static void Migrate(TrainingDatabase database, string name, ILogger log)
    {
        var found = database.StoredSchemaVersion;
        if (found > Current) throw new DatabaseTooNewException(name, found, Current);
        if (found == Current) return;
        if (found == 0 && !database.Lite.GetCollectionNames().Any())
        {
            // A new file: it is born in today's shape.
            database.RunExclusiveAsync(() => database.Lite.UserVersion = Current).GetAwaiter().GetResult();
            return;
        }
        var pending = Migrations.Where(m => m.Version > found).OrderBy(m => m.Version).ToList();
        database.Write(() =>
        {
            foreach (var migration in pending) migration.Apply(database);
        });
        database.RunExclusiveAsync(() => database.Lite.UserVersion = Current).GetAwaiter().GetResult();
        foreach (var migration in pending)
            log.LogInformation("Database {Name}: migrated to schema {Version}: {Does}", name, migration.Version, migration.Does);
    }
}

/// <summary>The database file records a schema newer than this release knows.</summary>
public sealed class DatabaseTooNewException(string path, int found, int current)
    : Exception($"The database {path} has schema version {found}, written by a newer release of the service; this release reads " +
                $"version {current} and older. Run the newer release (or restore a backup taken before the upgrade).")
{
    public int Found { get; } = found;
}

/// <summary>The database file cannot be read with the key given (or without one), or is not a database.</summary>
public sealed class DatabaseUnreadableException(string message, Exception inner) : Exception(message, inner)
{
    internal static DatabaseUnreadableException For(string path, LiteDB.LiteException error, bool encrypted) => error.ErrorCode switch
    {
        LiteDB.LiteException.NOT_ENCRYPTED => new(
            $"The database {path} is not encrypted, but a key is configured (Storage:PasswordFile or Storage:PasswordVariable). " +
            "Remove the key setting, or encrypt the data first (docs/operations.md, encryption at rest).", error),
        LiteDB.LiteException.INVALID_PASSWORD => new(
            $"The database {path} is encrypted with another key than the one configured: check Storage:PasswordFile or Storage:PasswordVariable.", error),
        _ when !encrypted => new(
            $"The database {path} cannot be read: it is encrypted (configure its key with Storage:PasswordFile or Storage:PasswordVariable) or not a Training database.", error),
        _ => new($"The database {path} cannot be read with the configured key, or is not a Training database.", error),
    };
}
