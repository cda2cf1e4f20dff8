using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Training.Service.Http;

/// <summary>
/// Where the service listens: gRPC on the <c>Urls</c> (HTTP/2 only, as before), and HTTP/JSON on the
/// <c>Http:Urls</c> (HTTP/1.1, what curl, spreadsheets and low-code tools speak). A plaintext port cannot offer both
/// (Kestrel then speaks only HTTP/1.1 there), hence two endpoints. Kestrel binds either URLs or endpoints made in
/// code, never both, so with HTTP/JSON on, both lists are bound here; with <c>Http:Urls</c> empty, Kestrel binds
/// <c>Urls</c> itself exactly as it always did.
/// </summary>
public sealed class HttpEndpoints
{
    public const string Section = "Http";
    public const string UrlsKey = "Http:Urls";
    public const string DefaultUrls = "http://127.0.0.1:5081";

    private readonly List<ListenOptions> _json = [];

    /// <summary>The HTTP/JSON endpoints once bound, with the ports actually taken (for port 0).</summary>
    public IReadOnlyList<string> JsonAddresses =>
        _json.Select(l => l.IPEndPoint is { } ip ? $"http://{Host(ip.Address)}:{ip.Port}" : l.ToString() ?? "").ToList();

    /// <summary>Reads both lists from configuration; an empty <c>Http:Urls</c> turns HTTP/JSON off.</summary>
    public static HttpEndpoints Configure(WebApplicationBuilder builder)
    {
        var endpoints = new HttpEndpoints();
        // With Kestrel:Endpoints (TLS, see docs/operations.md) Kestrel listens only where they say, and each TLS endpoint
        // serves gRPC and JSON alike: binding the plaintext lists here as well would open ports the operator closed.
        if (builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any()) return endpoints;
        var jsonUrls = Split(builder.Configuration[UrlsKey] ?? DefaultUrls);
        if (jsonUrls.Length == 0) return endpoints;
        var grpcUrls = Split(builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "");
        // Kestrel would bind these as well and warn that it ignores them: they are bound below instead.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in grpcUrls) Listen(kestrel, url, HttpProtocols.Http2, _ => { });
            foreach (var url in jsonUrls) Listen(kestrel, url, HttpProtocols.Http1, endpoints._json.Add);
        });
        return endpoints;
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols, Action<ListenOptions> bound)
    {
        var address = BindingAddress.Parse(url);
        var tls = string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        void Configure(ListenOptions listen)
        {
            // Over TLS one endpoint can serve HTTP/1.1 and HTTP/2, chosen per connection by ALPN.
            listen.Protocols = tls ? HttpProtocols.Http1AndHttp2 : protocols;
            if (tls) listen.UseHttps();
            bound(listen);
        }
        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(address.Port, Configure);
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip)) kestrel.Listen(ip, address.Port, Configure);
        else kestrel.ListenAnyIP(address.Port, Configure);
    }

    private static string[] Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Host(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
