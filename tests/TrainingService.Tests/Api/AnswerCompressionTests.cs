using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Training.Service.Api;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

/// <summary>
/// To a caller that accepts gzip, a small answer goes plain (compressing it costs more than it saves) and a large one
/// gzipped; read off the wire, where each gRPC message says whether it is compressed in its first byte.
/// </summary>
public sealed class AnswerCompressionTests
{
    [Fact]
    public async Task ASmallAnswer_GoesPlain_ALargeOne_Gzipped_ToACallerAcceptingGzip()
    {
        await using var service = await TestService.StartAsync(kestrel: true);
        using var http = new HttpClient { BaseAddress = new Uri(service.Urls.First()) };

        var (callerCompressed, callerBytes) = await CallAsync(http, "unpol.training.v1.AccessService/GetCaller", new GetCallerRequest());
        Assert.False(callerCompressed);
        Assert.True(callerBytes.Length < SmallAnswersPlain.Threshold);
        Assert.Equal(Role.Administrator, Caller.Parser.ParseFrom(callerBytes).Role);

        var (statesCompressed, statesBytes) = await CallAsync(http, "unpol.training.v1.ReferenceDataService/ListMemberStates",
            new ListMemberStatesRequest { PageSize = 200 });
        Assert.True(statesCompressed);
        var states = ListMemberStatesResponse.Parser.ParseFrom(Gunzip(statesBytes));
        Assert.True(states.CalculateSize() >= SmallAnswersPlain.Threshold);
        Assert.Contains(states.MemberStates, s => s.RegionCode == "SN");
    }

    /// <summary>One unary call over HTTP/2 as a stock client makes it; the answer's compressed flag and message bytes.</summary>
    private static async Task<(bool Compressed, byte[] Message)> CallAsync(HttpClient http, string path, IMessage request)
    {
        var body = request.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        using var call = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        call.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        call.Headers.TryAddWithoutValidation("te", "trailers");
        call.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,deflate,gzip");
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestService.BootstrapToken);
        using var answer = await http.SendAsync(call);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        Assert.True(answer.TrailingHeaders.TryGetValues("grpc-status", out var status) && status.Single() == "0",
            $"{path}: {string.Join(" ", answer.TrailingHeaders)}");
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        Assert.Equal(5 + length, bytes.Length);
        return (bytes[0] == 1, bytes[5..]);
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var plain = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress)) gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
