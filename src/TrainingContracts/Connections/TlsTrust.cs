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
    public static string? Explain(Exception error, Uri server) => Diagnose(error) switch
    {
        null => null,
        { Failure: TlsFailure.NameMismatch } =>
            $"The service at {server} presented a certificate for another name than \"{server.Host}\": connect by a name the certificate holds.",
        { Failure: TlsFailure.Handshake } problem => $"The TLS handshake with {server} failed: {problem.Detail} Is it a TLS (https://) address of the service?",
        { Failure: var untrusted } => $"The service at {server} presented a certificate this client does not trust ({Reason(untrusted)}): " +
                                      "pass --ca-file with the certificate of the authority that signed it.",
    };

    /// <summary>
    /// What went wrong in a failed TLS handshake, for a client that says it in its own words (the terminal client, in
    /// French too); null when <paramref name="error"/> is no such failure. The detail is the handshake's own message.
    /// </summary>
    public static TlsProblem? Diagnose(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException ?? (e as Grpc.Core.RpcException)?.Status.DebugException)
        {
            if (e is not AuthenticationException tls) continue;
            var message = tls.Message;
            bool Says(string what) => message.Contains(what, StringComparison.Ordinal);
            var failure = Says("RemoteCertificateNameMismatch") ? TlsFailure.NameMismatch
                : Says("NotTimeValid") ? TlsFailure.Expired
                : Says("PartialChain") || Says("UntrustedRoot") ? TlsFailure.UnknownAuthority
                : Says("RemoteCertificateChainErrors") ? TlsFailure.ChainInvalid
                : TlsFailure.Handshake;
            return new TlsProblem(failure, message);
        }
        return null;
    }

    private static string Reason(TlsFailure failure) => failure switch
    {
        TlsFailure.Expired => "expired or not yet valid",
        TlsFailure.UnknownAuthority => "signed by an unknown authority",
        _ => "its chain does not verify",
    };

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

/// <summary>Why a TLS handshake with the service failed, as a client tells its user.</summary>
public enum TlsFailure
{
    /// <summary>The certificate is for another name than the one connected to.</summary>
    NameMismatch,

    /// <summary>The certificate is expired or not yet valid.</summary>
    Expired,

    /// <summary>The certificate was signed by an authority this client does not trust.</summary>
    UnknownAuthority,

    /// <summary>The certificate's chain does not verify for another reason.</summary>
    ChainInvalid,

    /// <summary>The handshake failed otherwise (a plaintext service reached with https://, say).</summary>
    Handshake,
}

/// <summary>A failed TLS handshake: what kind of failure, and the handshake's own message.</summary>
public sealed record TlsProblem(TlsFailure Failure, string Detail);
