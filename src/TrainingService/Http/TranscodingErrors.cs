using System.Text;
using Google.Rpc;
using Training.Service.Api;
using Training.Service.Edge;
using Status = Google.Rpc.Status;

namespace Training.Service.Http;

/// <summary>
/// Errors that JSON transcoding writes on its own, before any method runs (a body that is not JSON, a field of the
/// wrong type, an unknown field or enum name), carry no ErrorInfo. Every error of this service does (AIP-193), so
/// here such a body gets the one a gRPC caller gets for the same mistake: MALFORMED_REQUEST, and the refusal is
/// logged as over gRPC. Successful responses pass straight through; only an error body (a few hundred bytes) is held.
/// </summary>
public static class TranscodingErrors
{
    public static IApplicationBuilder UseTranscodingErrors(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!CalledMethod.IsTranscoded(http))
        {
            await next(http);
            return;
        }
        var original = http.Response.Body;
        var held = new ErrorBody(http.Response, original);
        http.Response.Body = held;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (held.Error is { } error) await WriteAsync(http, original, error);
    });

    private static async Task WriteAsync(HttpContext http, Stream original, MemoryStream error)
    {
        var text = Encoding.UTF8.GetString(error.GetBuffer(), 0, (int)error.Length);
        if (JsonStatus.TryParse(text) is { } status && !status.Details.Any(d => d.Is(ErrorInfo.Descriptor)))
        {
            var enriched = ErrorMapping.RichStatus((Code)status.Code, Refusals.MalformedRequest, status.Message, 0);
            foreach (var detail in status.Details) enriched.Details.Add(detail);
            http.RequestServices.GetRequiredService<RefusalLog>().Refused(CalledMethod.Of(http), Refusals.MalformedRequest, status.Message);
            text = JsonStatus.Format(enriched);
        }
        http.Response.ContentLength = null;
        await original.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
    }

    /// <summary>Writes through while the response succeeds; holds the body of an error response.</summary>
    private sealed class ErrorBody(Microsoft.AspNetCore.Http.HttpResponse response, Stream inner) : Stream
    {
        public MemoryStream? Error { get; private set; }

        private Stream Target => response.StatusCode >= 400 ? Error ??= new MemoryStream() : inner;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { if (Error is null) inner.Flush(); }
        public override Task FlushAsync(CancellationToken cancellationToken) => Error is null && response.StatusCode < 400 ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Target.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Target.WriteAsync(buffer, offset, count, cancellationToken);
    }
}
