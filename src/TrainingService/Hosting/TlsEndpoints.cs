using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Training.Service.Hosting;

/// <summary>
/// TLS through Kestrel's standard configuration: each <c>Kestrel:Endpoints:&lt;name&gt;</c> with an https:// URL and a
/// <c>Certificate</c> (a PEM file and its key, or a PFX file). Such an endpoint speaks HTTP/2 and HTTP/1.1 (the two
/// are told apart in the TLS handshake, so gRPC is unharmed) unless it sets its own Protocols. Certificates are read
/// here before the host starts, so a missing or unusable one stops the service with one line naming its key.
/// </summary>
public static class TlsEndpoints
{
    public const string EndpointsSection = "Kestrel:Endpoints";

    /// <summary>Applies the endpoints' defaults; returns warnings to log once logging runs (a certificate close to expiry).</summary>
    public static IReadOnlyList<string> Configure(WebApplicationBuilder builder)
    {
        var endpoints = builder.Configuration.GetSection(EndpointsSection).GetChildren().ToList();
        if (endpoints.Count == 0) return [];
        var warnings = endpoints.SelectMany(e => CheckCertificate(e, builder.Configuration, builder.Environment.ContentRootPath)).ToList();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var loader = kestrel.ConfigurationLoader ?? kestrel.Configure(builder.Configuration.GetSection("Kestrel"));
            foreach (var endpoint in endpoints)
            {
                loader.Endpoint(endpoint.Key, configured =>
                {
                    if (configured.IsHttps && configured.ConfigSection["Protocols"] is null)
                        configured.ListenOptions.Protocols = HttpProtocols.Http1AndHttp2;
                });
            }
        });
        return warnings;
    }

    private static IEnumerable<string> CheckCertificate(IConfigurationSection endpoint, IConfiguration configuration, string contentRoot)
    {
        var url = endpoint["Url"];
        if (url is null || !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) yield break;
        var key = $"{EndpointsSection}:{endpoint.Key}:Certificate";
        var certificate = endpoint.GetSection("Certificate");
        if (certificate["Path"] is null)
        {
            key = "Kestrel:Certificates:Default";
            certificate = configuration.GetSection(key);
        }
        if (certificate["Subject"] is not null) yield break;
        if (certificate["Path"] is not { } path)
            throw new CertificateUnusableException(
                $"{EndpointsSection}:{endpoint.Key} listens on {url} but has no certificate: set {EndpointsSection}:{endpoint.Key}:Certificate:Path " +
                "(and KeyPath for a PEM key), see docs/operations.md.");
        var loaded = Load(key, Path.Combine(contentRoot, path), certificate["KeyPath"] is { } keyPath ? Path.Combine(contentRoot, keyPath) : null,
            certificate["Password"]);
        using (loaded)
        {
            if (loaded.NotAfter < DateTime.Now)
                yield return $"The certificate of {key} ({path}) expired on {loaded.NotAfter:yyyy-MM-dd}: clients will refuse it. Renew it.";
            else if (loaded.NotAfter < DateTime.Now.AddDays(30))
                yield return $"The certificate of {key} ({path}) expires on {loaded.NotAfter:yyyy-MM-dd}. Renew it before then.";
        }
    }

    private static X509Certificate2 Load(string key, string path, string? keyPath, string? password)
    {
        if (!File.Exists(path)) throw new CertificateUnusableException($"{key}:Path: the certificate file {path} does not exist.");
        if (keyPath is not null && !File.Exists(keyPath)) throw new CertificateUnusableException($"{key}:KeyPath: the key file {keyPath} does not exist.");
        X509Certificate2 certificate;
        try
        {
            var pem = keyPath is not null || Path.GetExtension(path) is ".pem" or ".crt";
            certificate = pem
                ? password is null ? X509Certificate2.CreateFromPemFile(path, keyPath) : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CertificateUnusableException($"{key}: {path} cannot be used as a certificate with its private key: {e.Message.TrimEnd('.')}.");
        }
        if (certificate.HasPrivateKey) return certificate;
        certificate.Dispose();
        throw new CertificateUnusableException($"{key}: {path} holds no private key: give the key file as {key}:KeyPath.");
    }
}

/// <summary>A TLS certificate the service cannot serve with.</summary>
public sealed class CertificateUnusableException(string message) : Exception(message);
