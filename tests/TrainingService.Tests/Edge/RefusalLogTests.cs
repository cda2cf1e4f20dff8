using Grpc.Core;
using Training.Service.Edge;
using Training.Service.Tests.Support;
using static Training.Service.Tests.Support.WireBytes;

namespace Training.Service.Tests.Edge;

/// <summary>A flood of refused requests writes a few short lines, without a stack trace, not one line each.</summary>
public sealed class RefusalLogTests
{
    [Fact]
    public async Task AFloodOfMalformedAnonymousRequests_LogsAFewShortLines_WithoutStackTraces()
    {
        var logs = new CapturedLogs();
        await using var service = await TestService.StartAsync(logs: logs);
        var anonymous = service.As(null);
        var search = RawCalls.Method("RosterService/SearchOfficers");
        var before = logs.Entries.Count;

        for (var i = 0; i < 200; i++)
        {
            var answer = await RawCalls.SendAsync(anonymous, search, i % 2 == 0 ? Concat(Tag(1, 7), [1]) : NestedGroups(10_000),
                TimeSpan.FromSeconds(30));
            Assert.Equal(StatusCode.InvalidArgument, answer.Code);
        }

        var written = logs.Entries.Skip(before).ToList();
        Assert.InRange(written.Count, 1, RefusalLog.LinesPerMinute);
        Assert.All(written, entry =>
        {
            Assert.Null(entry.Exception);
            Assert.True(entry.Message.Length < 300, entry.Message);
            Assert.DoesNotContain("\n", entry.Message);
        });
        Assert.Contains(written, entry => entry.Message.Contains("MALFORMED_REQUEST") && entry.Message.Contains("SearchOfficers"));
    }
}
