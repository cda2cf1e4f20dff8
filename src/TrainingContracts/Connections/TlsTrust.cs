using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Training.Connections;

/// <summary>
/// How a client of the service (the terminal client, the service's own backup command) trusts its TLS certificate:
/// the system's authorities, or — for a service whose certificate a private authority signed, or a self-signed one —
/// the authority certificate(s) in a PEM file (<c>--ca-file</c>). And a failed handshake as one sentence.
/// </summary>
public static class TlsTrust
{
    /// <summary>Makes <paramref name="handler"/> trust the system's authorities and those in <paramref name="caFile"/> (PEM).</summary>
    public static void TrustAuthorities(SocketsHttpHandler handler, string caFile)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"--ca-file {caFile} cannot be read as PEM certificates: {e.Message}");
        }
        if (authorities.Count == 0) throw new ArgumentException($"--ca-file {caFile} holds no PEM certificate.");
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            if (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && SignedBy(certificate, authorities)) return true;
            // Said with the reason (a callback's plain "false" reaches the caller as "rejected by the callback", no more).
            throw new AuthenticationException($"The remote certificate is invalid according to the validation procedure: {errors}.");
        };
    }

    /// <summary>
    /// The sentence for a connection that failed in the TLS handshake (an untrusted or wrong-name certificate, or a
    /// plaintext service reached with https://); null when <paramref name="error"/> is no such failure.
    /// </summary>
    public static string? Explain(Exception error, Uri server)
    {
        for (var e = error; e is not null; e = e.InnerException ?? (e as Grpc.Core.RpcException)?.Status.DebugException)
        {
            if (e is not AuthenticationException tls) continue;
            var message = tls.Message;
            if (message.Contains("RemoteCertificateNameMismatch", StringComparison.Ordinal))
                return $"The service at {server} presented a certificate for another name than \"{server.Host}\": connect by a name the certificate holds.";
            if (message.Contains("RemoteCertificateChainErrors", StringComparison.Ordinal) || message.Contains("UntrustedRoot", StringComparison.Ordinal)
                || message.Contains("PartialChain", StringComparison.Ordinal) || message.Contains("NotTimeValid", StringComparison.Ordinal))
                return $"The service at {server} presented a certificate this client does not trust ({Reason(message)}): " +
                       "pass --ca-file with the certificate of the authority that signed it.";
            return $"The TLS handshake with {server} failed: {message} Is it a TLS (https://) address of the service?";
        }
        return null;
    }

    private static string Reason(string message) =>
        message.Contains("NotTimeValid", StringComparison.Ordinal) ? "expired or not yet valid"
        : message.Contains("PartialChain", StringComparison.Ordinal) || message.Contains("UntrustedRoot", StringComparison.Ordinal) ? "signed by an unknown authority"
        : "its chain does not verify";

    private static bool SignedBy(X509Certificate certificate, X509Certificate2Collection authorities)
    {
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
