using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Training.Service.Http;

/// <summary>
/// The OpenAPI paths of resource names. Grpc.Swagger writes <c>/v1/{name=courses/*}</c> as <c>/v1/{name}</c>, so
/// GetCourse, GetOfficer and four more share one path and OpenAPI refuses the document; and a name in one path
/// parameter cannot be sent from an OpenAPI client (its slashes get escaped). Here each name is spelt out by its
/// pattern, <c>/v1/courses/{course}</c>, <c>/v1/memberStates/{memberState}/officers/{officer}</c>: the URL an
/// OpenAPI client builds is the one transcoding routes.
/// </summary>
public sealed partial class ResourcePaths : IApiDescriptionProvider
{
    /// <summary>After Grpc.Swagger's provider has described the methods (the last providers finish last).</summary>
    public int Order => int.MinValue + 1;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context) { }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            if (description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault() is not { } method) continue;
            var template = method.HttpRule.PatternCase switch
            {
                Google.Api.HttpRule.PatternOneofCase.Get => method.HttpRule.Get,
                Google.Api.HttpRule.PatternOneofCase.Post => method.HttpRule.Post,
                Google.Api.HttpRule.PatternOneofCase.Patch => method.HttpRule.Patch,
                Google.Api.HttpRule.PatternOneofCase.Put => method.HttpRule.Put,
                Google.Api.HttpRule.PatternOneofCase.Delete => method.HttpRule.Delete,
                _ => null,
            };
            if (template is null || !template.Contains('=')) continue;
            var added = new List<string>();
            description.RelativePath = Variable().Replace(template, variable =>
            {
                var field = variable.Groups["field"].Value;
                description.ParameterDescriptions.Remove(
                    description.ParameterDescriptions.FirstOrDefault(p => p.Name == field && p.Source == BindingSource.Path)!);
                var segments = variable.Groups["pattern"].Value.Split('/');
                return string.Join('/', segments.Select((segment, i) =>
                {
                    if (segment != "*") return segment;
                    var name = i > 0 && segments[i - 1].EndsWith('s') ? segments[i - 1][..^1] : field;
                    added.Add(name);
                    return $"{{{name}}}";
                }));
            }).TrimStart('/');
            foreach (var name in added)
                description.ParameterDescriptions.Add(new ApiParameterDescription
                {
                    Name = name,
                    Source = BindingSource.Path,
                    IsRequired = true,
                    Type = typeof(string),
                });
        }
    }

    [GeneratedRegex(@"\{(?<field>[\w.]+)=(?<pattern>[^}]+)\}")]
    private static partial Regex Variable();
}
