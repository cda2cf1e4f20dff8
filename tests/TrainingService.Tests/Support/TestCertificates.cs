using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Training.Service.Tests.Support;

/// <summary>
/// A private certificate authority and a server certificate it signed for 127.0.0.1, written as PEM files the way an
/// operator's openssl would (docs/operations.md), in a folder of their own.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string folder) => Folder = folder;

    public string Folder { get; }
    public string AuthorityPath => Path.Combine(Folder, "ca.crt");
    public string CertificatePath => Path.Combine(Folder, "server.crt");
    public string KeyPath => Path.Combine(Folder, "server.key");

    public static TestCertificates Create()
    {
        var certificates = new TestCertificates(Directory.CreateTempSubdirectory("training-tls-").FullName);
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Training test authority", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var authority = authorityRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var server = serverRequest.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1),
            RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(certificates.AuthorityPath, authority.ExportCertificatePem());
        File.WriteAllText(certificates.CertificatePath, server.ExportCertificatePem());
        File.WriteAllText(certificates.KeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return certificates;
    }

    /// <summary>Settings for a TLS endpoint named Tls on a free loopback port, with these files.</summary>
    public Dictionary<string, string?> EndpointSettings(string url = "https://127.0.0.1:0") => new()
    {
        ["Kestrel:Endpoints:Tls:Url"] = url,
        ["Kestrel:Endpoints:Tls:Certificate:Path"] = CertificatePath,
        ["Kestrel:Endpoints:Tls:Certificate:KeyPath"] = KeyPath,
    };

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
