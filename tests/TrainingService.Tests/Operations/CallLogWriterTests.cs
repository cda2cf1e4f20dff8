using Microsoft.Extensions.Logging;
using Training.Service.Operations;
using Training.Service.Tests.Support;

namespace Training.Service.Tests.Operations;

public sealed class CallLogWriterTests
{
    [Fact]
    public void EveryLineFromManyCallers_IsWrittenOnce_InEachCallersOrder_AllOfThemByTheStop()
    {
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var writer = new CallLogWriter(loggers);
        const int callers = 4, each = 6000;

        Parallel.For(0, callers, caller =>
        {
            for (var i = 0; i < each; i++)
                writer.Add(new CallLine(i % 10 == 0 ? LogLevel.Debug : LogLevel.Information, $"/m{caller}", $"accessTokens/t{caller}", "SN", "OK", i));
        });
        writer.Dispose();

        var lines = logs.Entries.Where(e => e.Category == CallLog.Category).ToList();
        Assert.Equal(callers * each, lines.Count);
        for (var caller = 0; caller < callers; caller++)
        {
            var mine = lines.Where(l => l.Message.StartsWith($"/m{caller} by", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, each).Select(i => $"/m{caller} by accessTokens/t{caller} (SN): OK in {i:0.0} ms"), mine.Select(l => l.Message));
            Assert.Equal(each / 10, mine.Count(l => l.Level == LogLevel.Debug));
        }
    }
}
