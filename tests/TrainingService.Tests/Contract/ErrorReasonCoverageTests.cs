using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Contract;

/// <summary>
/// Every reason the service can send is in the contract: the ErrorReason enum of error_reason.proto lists each
/// ErrorInfo reason and rule code, with when it is sent and what to do. The service's source is read for every
/// UPPER_SNAKE string it holds (reasons, rule codes: they are written nowhere else), so a new reason without its
/// line in the contract fails here, and so does a line in the contract for a reason no longer sent.
/// </summary>
public sealed partial class ErrorReasonCoverageTests
{
    [Fact]
    public void EveryReasonTheServiceSends_IsAnErrorReasonOfTheContract()
    {
        var contract = ContractReasons();
        var missing = ServiceReasons().Where(r => !contract.Contains(r.Reason)).Select(r => $"{r.Reason} ({r.File})").Distinct().ToList();
        Assert.True(missing.Count == 0,
            "Reasons sent by the service but missing from enum ErrorReason in proto/unpol/training/v1/error_reason.proto "
            + "(add each with a comment: when it is sent, what to do):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryErrorReasonOfTheContract_IsSentByTheService()
    {
        var sent = ServiceReasons().Select(r => r.Reason).ToHashSet();
        var stale = ContractReasons().Where(r => !sent.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "ErrorReason values the service never sends:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void TheScan_FindsTheReasonsOfEveryKindOfError()
    {
        var sent = ServiceReasons().Select(r => r.Reason).ToHashSet();
        // One of each way a reason is written: a domain exception, an edge refusal, a file limit, a rule code, a credential.
        Assert.Superset(new HashSet<string> { "ETAG_MISMATCH", "RATE_LIMITED", "IMPORT_TOO_MANY_ROWS", "LANGUAGE_LEVEL_TOO_LOW", "TOKEN_REVOKED", "INTERNAL_FAULT" }, sent);
    }

    private static HashSet<string> ContractReasons() =>
        ErrorReasonReflection.Descriptor.EnumTypes[0].Values.Where(v => v.Number != 0).Select(v => v.Name).ToHashSet();

    /// <summary>Every UPPER_SNAKE literal of the service's source that is not the name of another enum's value.</summary>
    private static IEnumerable<(string Reason, string File)> ServiceReasons()
    {
        var otherEnumValues = OtherEnumValueNames();
        var source = Path.Combine(Repository.Root, "src", "TrainingService");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            foreach (Match literal in UpperSnakeLiteral().Matches(File.ReadAllText(file)))
            {
                var text = literal.Groups[1].Value;
                if (!otherEnumValues.Contains(text) && !IsEnvironmentVariable(text)) yield return (text, Path.GetRelativePath(source, file));
            }
        }
    }

    /// <summary>Names of environment variables the service reads (its own, OpenTelemetry's, .NET's): not reasons.</summary>
    private static bool IsEnvironmentVariable(string text) =>
        new[] { "TRAINING_", "OTEL_", "DOTNET_", "ASPNETCORE_" }.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// Values of the contract's other enums, with and without their prefix (CANCELLED, PROFESSIONAL_POST,
    /// PERSONNEL_CATEGORY_PROFESSIONAL_POST): the service writes some of them as text in reports and files.
    /// </summary>
    private static HashSet<string> OtherEnumValueNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(EnumDescriptor e)
        {
            if (e.FullName == ErrorReasonReflection.Descriptor.EnumTypes[0].FullName) return;
            var prefix = string.Concat(UpperCamelWord().Matches(e.Name).Select(m => m.Value.ToUpperInvariant() + "_"));
            foreach (var value in e.Values)
            {
                names.Add(value.Name);
                if (value.Name.StartsWith(prefix, StringComparison.Ordinal)) names.Add(value.Name[prefix.Length..]);
            }
        }
        void Walk(MessageDescriptor m)
        {
            foreach (var e in m.EnumTypes) Add(e);
            foreach (var nested in m.NestedTypes) Walk(nested);
        }
        foreach (var file in new[] { ErrorReasonReflection.Descriptor }.Concat(Http.HttpJsonTests.ContractFiles).Append(CommonReflection.Descriptor))
        {
            foreach (var e in file.EnumTypes) Add(e);
            foreach (var m in file.MessageTypes) Walk(m);
        }
        return names;
    }

    [GeneratedRegex("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex UpperSnakeLiteral();

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex UpperCamelWord();
}
