namespace Training.Service.Operations;

/// <summary>
/// Configuration section <c>Backup</c>: scheduled backups. Unset <see cref="Directory"/>: none are taken (an
/// administrator can still take one at any time with the BackupDatabase call or <c>TrainingService backup</c>).
/// </summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The folder that receives <c>training-&lt;UTC time&gt;.db</c> copies; created owner-only.</summary>
    public string? Directory { get; set; }

    /// <summary>Time between two backups (the first is taken one interval after start).</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many backups to keep: the oldest beyond this are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;
}
