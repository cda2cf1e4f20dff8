using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Training.Service.Security;
using Training.Service.Storage;

namespace Training.Service.Hosting;

/// <summary>
/// A start the service refuses, as an operator reads it: one line saying what is wrong and what to change, and the
/// exit code of <see cref="ExitCodes"/>. Never a stack trace: these are the operator's to fix, not faults.
/// </summary>
public sealed partial record StartupFailure(int ExitCode, string Message)
{
    /// <summary>The refusal an exception thrown while starting stands for; null for a fault nobody foresaw.</summary>
    public static StartupFailure? From(Exception error) => error switch
    {
        InvalidSettingException e => new(ExitCodes.InvalidSetting, e.Message),
        OptionsValidationException e => new(ExitCodes.InvalidSetting, ServiceSettings.OneLine(e.Failures.ToList())),
        InvalidOperationException e when ServiceSettings.FromBinderError(e) is { } message => new(ExitCodes.InvalidSetting, message),
        DatabaseInUseException e => new(ExitCodes.DatabaseInUse, e.Message),
        DataFolderNotWritableException e => new(ExitCodes.DataFolderNotWritable, e.Message),
        DatabaseTooNewException e => new(ExitCodes.DatabaseTooNew, e.Message),
        DatabaseUnreadableException e => new(ExitCodes.DatabaseUnreadable, e.Message),
        CertificateUnusableException e => new(ExitCodes.CertificateUnusable, e.Message),
        AggregateException { InnerExceptions.Count: > 0 } e => From(e.InnerExceptions[0]),
        IOException { InnerException: AddressInUseException } e => new(ExitCodes.CannotListen, Listening(e.Message)),
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressNotAvailable or SocketError.AccessDenied } } e =>
            new(ExitCodes.CannotListen, Listening(e.Message)),
        InvalidOperationException e when e.Message.Contains("No server certificate was specified", StringComparison.Ordinal) =>
            new(ExitCodes.CertificateUnusable,
                "An https:// address has no certificate: give it Kestrel:Endpoints:<name>:Certificate:Path (and KeyPath for PEM), see docs/operations.md."),
        _ => null,
    };

    /// <summary>Kestrel's "Failed to bind to address X: address already in use." with what to do about it.</summary>
    private static string Listening(string kestrelMessage)
    {
        var what = FailedBind().Match(kestrelMessage);
        return what.Success
            ? $"Cannot listen on {what.Groups["address"].Value}: {what.Groups["reason"].Value.TrimEnd('.')}. " +
              "Stop whatever uses it, or choose another address with --Urls (or Kestrel:Endpoints)."
            : $"Cannot listen: {kestrelMessage}";
    }

    [GeneratedRegex(@"Failed to bind to address (?<address>\S+?): (?<reason>.+)$")]
    private static partial Regex FailedBind();
}
