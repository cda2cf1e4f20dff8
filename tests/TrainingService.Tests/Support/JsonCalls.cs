using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace Training.Service.Tests.Support;

/// <summary>
/// HTTP/JSON calls to a service's HTTP/1.1 endpoint, as curl or a low-code tool makes them: a verb, a path, a JSON
/// body, a bearer token; the answer read as JSON.
/// </summary>
public sealed class JsonCalls(string address) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = new Uri(address),
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromMinutes(1),
    };

    public HttpClient Client => _http;

    /// <summary>A message as its proto3 JSON (lowerCamelCase names, enums by name), for a request body.</summary>
    public static string Json(IMessage message) => JsonFormatter.Default.Format(message);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? token, string? body = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType ?? "",
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    public Task<Answer> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);
    public Task<Answer> PostAsync(string path, string? token, string body) => SendAsync(HttpMethod.Post, path, token, body);
    public Task<Answer> PatchAsync(string path, string? token, string body) => SendAsync(HttpMethod.Patch, path, token, body);
    public Task<Answer> DeleteAsync(string path, string? token) => SendAsync(HttpMethod.Delete, path, token);

    public void Dispose() => _http.Dispose();

    /// <summary>An HTTP answer: its status, body, media type and headers.</summary>
    public sealed record Answer(HttpStatusCode Status, string Body, string MediaType, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonElement Root => JsonDocument.Parse(Body).RootElement;

        /// <summary>The body read as a proto message.</summary>
        public T As<T>() where T : IMessage<T>, new() =>
            JsonParser.Default.Parse<T>(Body);

        /// <summary>The ErrorInfo reason of a google.rpc.Status body.</summary>
        public string Reason => Root.GetProperty("details").EnumerateArray()
            .First(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo")
            .GetProperty("reason").GetString()!;

        /// <summary>The gRPC code of a google.rpc.Status body.</summary>
        public int Code => Root.GetProperty("code").GetInt32();

        public override string ToString() => $"{(int)Status} {Body}";
    }
}
