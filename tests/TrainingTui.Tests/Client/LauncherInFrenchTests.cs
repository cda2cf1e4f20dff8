using System.Security.Authentication;
using Training.Connections;
using Training.Tui.Client;
using Training.Tui.Tests.Support;

namespace Training.Tui.Tests.Client;

/// <summary>What the client prints before its screens start — --help, a wrong option, a certificate it does not trust — in French.</summary>
public sealed class LauncherInFrenchTests
{
    private static readonly Uri Server = new("https://training.example.org:5443");

    [Fact]
    public void TheUsage_InFrench_NamesEachOption_AndWrapsItsDescriptionsUnderThemselves_WithinEightyColumns()
    {
        using var _ = Speaking.French();
        var lines = Launcher.Usage.Split('\n');

        Assert.Equal("Utilisation : TrainingTui [--server URL] [--token JETON | --token-file CHEMIN] [--save-token] [--config FICHIER]", lines[0]);
        Assert.Contains("  --token JETON        le jeton d'accès ; ou définissez TRAINING_TOKEN", lines);
        Assert.Contains("  --version            afficher la version du client et quitter", lines);
        var tokenFile = Array.FindIndex(lines, l => l.StartsWith("  --token-file CHEMIN", StringComparison.Ordinal));
        Assert.Equal("  --token-file CHEMIN  fichier contenant le jeton (par défaut : token à côté du", lines[tokenFile]);
        Assert.Equal("                       fichier de configuration)", lines[tokenFile + 1]);
        Assert.All(lines.Skip(1), l => Assert.True(l.Length <= 80, $"longer than 80 columns: {l}"));
        foreach (var option in new[] { "--server", "--ca-file", "--token-file", "--save-token", "--config", "--language", "--deadline-seconds",
                     "--demo-credentials", "--as", "--lang", "--version" })
            Assert.Contains(lines, l => l.StartsWith($"  {option} ", StringComparison.Ordinal));
        foreach (var english in new[] { "Usage:", "the access token", "default", "print" })
            Assert.DoesNotContain(english, Launcher.Usage);
    }

    [Fact]
    public void TheUsage_InEnglish_SaysWhatItAlwaysSaid()
    {
        using var _ = Speaking.English();
        var usage = Launcher.Usage;

        Assert.StartsWith("Usage: TrainingTui [--server URL] [--token TOKEN | --token-file PATH] [--save-token] [--config FILE]\n\n", usage);
        Assert.Contains("  --token TOKEN        the access token; or set TRAINING_TOKEN\n", usage);
        Assert.Contains("  --lang en|fr         the language (default: the system's, from LC_ALL,\n" +
                        "                       LC_MESSAGES or LANG; French for fr_*)", usage);
    }

    [Fact]
    public void AWrongOption_OrConfigLine_IsRefusedInFrench()
    {
        using var _ = Speaking.French();
        string Refusal(params string[] args) =>
            Assert.Throws<ArgumentException>(() => ConnectionOptions.Parse(args, _ => null)).Message;

        Assert.Equal("argument inconnu « --tokn ».", Refusal("--tokn", "secret"));
        Assert.Equal("--server attend une valeur.", Refusal("--server"));
        Assert.Equal("--deadline-seconds doit être un nombre positif, pas « bientôt ».", Refusal("--deadline-seconds", "bientôt"));
        Assert.Equal("--lang doit être en ou fr, pas « de ».",
            Assert.Throws<ArgumentException>(() => Training.Tui.Localization.UiLanguage.FromArguments(["--lang", "de"], _ => null)).Message);
    }

    [Fact]
    public void ACertificateNotTrusted_IsExplainedInFrench_WithWhatToDo()
    {
        using var _ = Speaking.French();
        var untrusted = TlsTrust.Diagnose(new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"));

        Assert.Equal(TlsFailure.UnknownAuthority, untrusted!.Failure);
        Assert.Equal("Le service à l'adresse https://training.example.org:5443/ a présenté un certificat auquel ce client ne fait pas confiance " +
                     "(signé par une autorité inconnue) : indiquez --ca-file avec le certificat de l'autorité qui l'a signé.", Launcher.Tls(untrusted, Server));
    }

    [Theory]
    [InlineData("The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch.")]
    [InlineData("The remote certificate is invalid because of errors in the certificate chain: NotTimeValid")]
    [InlineData("The remote certificate is invalid because of errors in the certificate chain: PartialChain")]
    [InlineData("The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors.")]
    [InlineData("Received an unexpected EOF or 0 bytes from the transport stream.")]
    public void InEnglish_TheClientSaysAFailedHandshake_AsTheServicesCommandsDo(string handshake)
    {
        using var _ = Speaking.English();
        var error = new AuthenticationException(handshake);

        Assert.Equal(TlsTrust.Explain(error, Server), Launcher.Tls(TlsTrust.Diagnose(error)!, Server));
    }
}
