# The Training service as a container: built from source with the .NET SDK, run by a non-root user on the
# ASP.NET Core runtime, data on a volume, listening on every interface inside the container.
#
#   docker build -t training-service .
#   docker run -d --name training -p 5080:5080 -v training-data:/data \
#     -e Security__BootstrapAdminToken=<a secret of 16+ characters> training-service
#
# TLS: mount the certificate and key read-only and add, for example,
#   -v /etc/training/tls:/tls:ro -p 5443:5443 \
#   -e Kestrel__Endpoints__Tls__Url=https://0.0.0.0:5443 \
#   -e Kestrel__Endpoints__Tls__Certificate__Path=/tls/server.crt \
#   -e Kestrel__Endpoints__Tls__Certificate__KeyPath=/tls/server.key
# (with Kestrel:Endpoints set, only those endpoints listen; add a plaintext one the same way if wanted).
# See docs/operations.md for every setting and exit code.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY proto/ proto/
COPY src/TrainingContracts/ src/TrainingContracts/
COPY src/TrainingService/ src/TrainingService/
# Not trimmed, not AOT: LiteDB maps entities by reflection (trimmed, every insert failed). ReadyToRun: compiled ahead
# of time for the build's processor family, so it starts faster (docs/benchmarks.md, "Reads at scale").
RUN dotnet publish src/TrainingService/TrainingService.csproj -c Release -o /app --no-self-contained \
      --use-current-runtime -p:PublishReadyToRun=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The image's own unprivileged user (app, uid 1654) owns the data folder; a new volume takes its owner and mode.
RUN mkdir -p /data && chown app:app /data && chmod 700 /data
USER app
WORKDIR /app
COPY --from=build --chown=app:app /app ./
ENV Urls=http://0.0.0.0:5080 \
    Storage__Path=/data/training.db \
    Logging__Console__FormatterName=json \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME ["/data"]
EXPOSE 5080
# The standard gRPC health check (grpc.health.v1, no token needed), asked by the service's own "health" command:
# healthy only while SERVING, so a full or read-only volume shows as unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["dotnet", "/app/TrainingService.dll", "health", "--server", "http://127.0.0.1:5080"]
ENTRYPOINT ["dotnet", "/app/TrainingService.dll"]
