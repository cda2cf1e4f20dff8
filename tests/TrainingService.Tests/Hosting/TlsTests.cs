using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Training.Connections;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Hosting;

/// <summary>
/// TLS as an operator configures it (Kestrel:Endpoints with a PEM certificate and key), through real handshakes on a
/// loopback socket: gRPC over HTTP/2, HTTP/1.1 on the same port, and what a client that does not trust it is told.
/// </summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private TestService _service = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(settings: _certificates.EndpointSettings(), kestrel: true, http: true);
        _address = new Uri(_service.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task AClientTrustingThePrivateAuthority_CallsOverTls()
    {
        Assert.Equal("https", _address.Scheme);
        using var channel = Channel(trustAuthority: true);
        var access = new AccessService.AccessServiceClient(channel.Intercept(m =>
        {
            m.Add("authorization", $"Bearer {TestService.BootstrapToken}");
            return m;
        }));

        var caller = await access.GetCallerAsync(new GetCallerRequest());

        Assert.Equal(Role.Administrator, caller.Role);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    public async Task TheTlsEndpoint_SpeaksHttp11AndHttp2(int major, int minor)
    {
        var handler = new SocketsHttpHandler();
        TlsTrust.TrustAuthorities(handler, _certificates.AuthorityPath);
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_address, "/"))
        {
            Version = new Version(major, minor),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(new Version(major, minor), response.Version);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task TheTlsEndpoint_AnswersJsonOverHttp11_AndIsTheOnlyAddress()
    {
        var handler = new SocketsHttpHandler();
        TlsTrust.TrustAuthorities(handler, _certificates.AuthorityPath);
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_address, "/v1/caller"))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add("Authorization", $"Bearer {TestService.BootstrapToken}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ROLE_ADMINISTRATOR", await response.Content.ReadAsStringAsync());
        // With Kestrel:Endpoints set, no plaintext gRPC or JSON address is opened beside the TLS one.
        Assert.Equal([_address.ToString().TrimEnd('/')], _service.Urls.Select(u => u.TrimEnd('/')));
    }

    [Fact]
    public async Task AClientThatDoesNotTrustTheCertificate_IsToldSoInOneSentence()
    {
        using var channel = Channel(trustAuthority: false);
        var access = new AccessService.AccessServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await access.GetCallerAsync(new GetCallerRequest()));

        var sentence = TlsTrust.Explain(error, _address);
        Assert.NotNull(sentence);
        Assert.Contains("does not trust", sentence);
        Assert.Contains("--ca-file", sentence);
        Assert.DoesNotContain("\n", sentence);
    }

    [Fact]
    public async Task AClientReachingTheServiceByAnotherName_IsToldTheNameDoesNotMatch()
    {
        var byName = new UriBuilder(_address) { Host = "localhost" }.Uri;
        var handler = new SocketsHttpHandler();
        TlsTrust.TrustAuthorities(handler, _certificates.AuthorityPath);
        using var channel = GrpcChannel.ForAddress(byName, new GrpcChannelOptions { HttpHandler = handler });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new AccessService.AccessServiceClient(channel).GetCallerAsync(new GetCallerRequest()));

        Assert.Contains("another name", TlsTrust.Explain(error, byName));
    }

    private GrpcChannel Channel(bool trustAuthority)
    {
        var handler = new SocketsHttpHandler();
        if (trustAuthority) TlsTrust.TrustAuthorities(handler, _certificates.AuthorityPath);
        return GrpcChannel.ForAddress(_address, new GrpcChannelOptions { HttpHandler = handler });
    }
}
