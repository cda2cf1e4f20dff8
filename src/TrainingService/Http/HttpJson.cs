using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi.Models;
using Training.Service.Security;

namespace Training.Service.Http;

/// <summary>
/// HTTP/JSON for systems without gRPC (issue 11): every unary method transcoded from its <c>google.api.http</c>
/// annotation, through the same interceptors (authentication, rights, audit, error mapping) and the same edge (rate
/// limits, request limits); gzip responses and compressed requests; the OpenAPI document generated from the protos.
/// </summary>
public static class HttpJson
{
    public const string OpenApiPath = "/openapi/v1.json";
    public const string DocsPath = "/docs";

    /// <summary>The media types compressed when the caller accepts gzip (gRPC compresses its own messages).</summary>
    private static readonly string[] CompressedTypes = ["application/json", "text/csv", "application/x-ndjson"];

    /// <summary>Call after <c>AddGrpc</c> and before the request edge, once the configuration is final.</summary>
    public static WebApplicationBuilder AddHttpJson(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(HttpEndpoints.Configure(builder));
        services.AddGrpc().AddJsonTranscoding(options =>
        {
            options.TypeRegistry = JsonStatus.Details;
            // proto3's JSON mapping: fields at their default value are left out, as every Google API does.
            options.JsonSettings.IgnoreDefaultValues = true;
        });
        // JSON requests meet the same count and size limits as protobuf ones, before authentication as there.
        services.AddSingleton<TranscodedRequestLimits>();
        services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<TranscodedRequestLimits>();
            // Moved ahead of authentication, as the protobuf reader's check is.
            var added = options.Interceptors[^1];
            var authentication = options.Interceptors.ToList().FindIndex(i => i.Type == typeof(AuthenticationInterceptor));
            if (authentication >= 0)
            {
                options.Interceptors.RemoveAt(options.Interceptors.Count - 1);
                options.Interceptors.Insert(authentication, added);
            }
        });
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });
        services.AddRequestDecompression();
        services.AddGrpcSwagger();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ResourcePaths>());
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "UN Police pre-deployment training API",
                Version = "v1",
                Description = "The gRPC API of proto/unpol/training/v1 over HTTP/JSON. Every call carries "
                    + "'Authorization: Bearer <token>'. Errors are a google.rpc.Status whose ErrorInfo reason is one of "
                    + "unpol.training.v1.ErrorReason.",
            });
            // Nested types share short names (Session.State, Nomination.State): schemas are named by their proto path.
            options.CustomSchemaIds(type => (type.FullName ?? type.Name)
                .Replace("Unpol.Training.V1.", "", StringComparison.Ordinal)
                .Replace("+Types+", ".", StringComparison.Ordinal)
                .Replace('+', '.'));
            var comments = Path.Combine(AppContext.BaseDirectory, "TrainingContracts.xml");
            if (File.Exists(comments))
            {
                options.IncludeXmlComments(comments);
                options.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
            var bearer = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An access token issued by AccessService.CreateAccessToken.",
                Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" },
            };
            options.AddSecurityDefinition("bearer", bearer);
            options.AddSecurityRequirement(new OpenApiSecurityRequirement { [bearer] = [] });
        });
        return builder;
    }

    /// <summary>Call before the rate limiter and the endpoints.</summary>
    public static WebApplication UseHttpJson(this WebApplication app)
    {
        // gRPC compresses its own messages (grpc-encoding). Around a gRPC call this middleware, asked by a caller that
        // sends accept-encoding (grpc-js does), holds the response headers back until the first message: a watch
        // would not look open until its first change.
        app.UseWhen(http => http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true,
            json => json.UseResponseCompression());
        app.UseRequestDecompression();
        app.UseTranscodingErrors();
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = DocsPath.TrimStart('/');
            options.SwaggerEndpoint(OpenApiPath, "v1");
        });
        return app;
    }
}
