namespace Training.Service.Storage;

/// <summary>Configuration section <c>Feed</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>How long nomination events are kept for watchers to resume from (at least 7 days).</summary>
    public double RetentionDays { get; set; } = 7;
}

/// <summary>Deletes nomination events older than the retention, hourly.</summary>
public sealed class FeedRetention(NominationFeed feed, Microsoft.Extensions.Options.IOptions<FeedOptions> options,
    ILogger<FeedRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            var deleted = await feed.PurgeAsync(TimeSpan.FromDays(options.Value.RetentionDays), stoppingToken);
            if (deleted > 0) logger.LogInformation("Deleted {Count} nomination events older than {Days} days", deleted, options.Value.RetentionDays);
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
