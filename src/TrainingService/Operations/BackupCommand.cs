using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Training.Connections;
using Unpol.Training.V1;

namespace Training.Service.Operations;

/// <summary>
/// <c>TrainingService backup --to FILE</c>: takes an online backup of a running service through its BackupDatabase
/// call (so it works from any machine that reaches the service, and never opens the database file itself) and writes
/// it owner-only, checked against the size and SHA-256 the service sent, under its final name only once complete.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";
    public const string TokenEnvironmentVariable = "TRAINING_TOKEN";

    public const string Usage = """
        Usage: TrainingService backup --to FILE [--server URL] [--token TOKEN | --token-file PATH] [--ca-file PEM]

          --to FILE          where to write the backup (must not exist yet)
          --server URL       the running service (default http://127.0.0.1:5080)
          --token TOKEN      an administrator's access token; or set TRAINING_TOKEN, or --token-file
          --token-file PATH  a file holding the token
          --ca-file PEM      with https://: the certificate of the authority that signed the service's certificate

        Exit status: 0 written, 2 wrong arguments, 3 token refused or not an administrator's,
        4 service unreachable or its certificate untrusted, 5 the backup failed (nothing is left at FILE).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        Dictionary<string, string> options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"training-service backup: {e.Message}\n\n{Usage}");
            return 2;
        }
        if (!options.TryGetValue("--to", out var target))
        {
            await error.WriteLineAsync($"training-service backup: --to FILE is required.\n\n{Usage}");
            return 2;
        }
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"training-service backup: {target} exists already; choose a new name (a backup never overwrites).");
            return 2;
        }
        var server = new Uri(options.GetValueOrDefault("--server", TrainingHost.DefaultUrl));
        var token = options.GetValueOrDefault("--token") ?? Environment.GetEnvironmentVariable(TokenEnvironmentVariable)
            ?? (options.TryGetValue("--token-file", out var tokenFile) && File.Exists(tokenFile) ? File.ReadAllText(tokenFile).Trim() : null);
        if (string.IsNullOrWhiteSpace(token))
        {
            await error.WriteLineAsync($"training-service backup: no access token: pass --token, set {TokenEnvironmentVariable}, or --token-file.");
            return 2;
        }

        var handler = new SocketsHttpHandler();
        try
        {
            if (options.TryGetValue("--ca-file", out var caFile)) TlsTrust.TrustAuthorities(handler, caFile);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"training-service backup: {e.Message}");
            return 2;
        }
        using var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { HttpHandler = handler });
        var partial = target + ".partial";
        try
        {
            var summary = await ReceiveAsync(new OperationsService.OperationsServiceClient(channel), token, partial);
            File.Move(partial, target);
            await output.WriteLineAsync($"Backup written: {target} ({summary.SizeBytes} bytes, schema {summary.SchemaVersion}, " +
                                        $"{(summary.Encrypted ? "encrypted" : "not encrypted")}, sha256 {summary.Sha256}).");
            return 0;
        }
        catch (RpcException e)
        {
            File.Delete(partial);
            var (code, message) = e.StatusCode switch
            {
                StatusCode.Unauthenticated => (3, $"the service refused the token: {e.Status.Detail}"),
                StatusCode.PermissionDenied => (3, $"only an administrator's token may take a backup: {e.Status.Detail}"),
                StatusCode.Unavailable or StatusCode.DeadlineExceeded => (4, TlsTrust.Explain(e, server) ?? $"cannot reach the service at {server}: {e.Status.Detail}"),
                _ => (TlsTrust.Explain(e, server) is null ? 5 : 4, TlsTrust.Explain(e, server) ?? $"the backup failed: {e.Status.Detail}"),
            };
            await error.WriteLineAsync($"training-service backup: {message}");
            return code;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            File.Delete(partial);
            await error.WriteLineAsync($"training-service backup: the backup failed: {e.Message}");
            return 5;
        }
    }

    private static async Task<BackupSummary> ReceiveAsync(OperationsService.OperationsServiceClient client, string token, string path)
    {
        var settings = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) settings.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(path, settings);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var call = client.BackupDatabase(new BackupDatabaseRequest(), new Metadata { { "authorization", $"Bearer {token}" } });
        BackupSummary? summary = null;
        long received = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var part = call.ResponseStream.Current;
            if (part.PartCase == BackupDatabaseResponse.PartOneofCase.Summary)
            {
                summary = part.Summary;
                continue;
            }
            hash.AppendData(part.Chunk.Span);
            await file.WriteAsync(part.Chunk.Memory);
            received += part.Chunk.Length;
        }
        if (summary is null) throw new InvalidDataException("the stream ended without its summary.");
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (received != summary.SizeBytes || sha256 != summary.Sha256)
            throw new InvalidDataException($"the file received ({received} bytes, sha256 {sha256}) is not the one sent ({summary.SizeBytes} bytes, sha256 {summary.Sha256}).");
        file.Flush(flushToDisk: true);
        return summary;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        string[] known = ["--to", "--server", "--token", "--token-file", "--ca-file"];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], i + 1 < args.Length ? args[++i] : null);
            if (!known.Contains(name)) throw new ArgumentException($"unknown argument \"{args[i]}\".");
            options[name] = value ?? throw new ArgumentException($"{name} needs a value.");
        }
        return options;
    }
}
