# syntax=docker/dockerfile:1
# The engine's container image: one stateless process serving GraphQL (8080, with /admin, /metrics and the probes)
# and gRPC (8081, cleartext HTTP/2) for every resource. docs/operations.md has the configuration and how this file
# is checked (there is no Docker engine on the development machines).
# Build:  docker build -t engine .
# Run:    docker run -p 8080:8080 -p 8081:8081 -e ConnectionStrings__Engine='Host=db;Username=...;Password=...;Database=engine' engine

# 1. The admin designer: a static web app, built once and served by the engine at /admin.
FROM node:22-bookworm-slim AS admin
WORKDIR /src/admin-designer
COPY admin-designer/package.json admin-designer/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY admin-designer/ ./
RUN npm run build

# 2. The engine, published framework-dependent for the ASP.NET runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY metadata-store/ metadata-store/
COPY engine/ engine/
RUN dotnet publish engine/Engine.Host/Engine.Host.csproj -c Release -o /app --nologo -p:UseAppHost=false

# 3. The runtime: no SDK, no Node, a non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=admin /src/admin-designer/dist ./admin-designer/
ENV ASPNETCORE_ENVIRONMENT=Production \
    Engine__HttpPort=8080 \
    Engine__GrpcPort=8081 \
    Engine__AdminDesignerPath=/app/admin-designer
EXPOSE 8080 8081
# The image has no curl: bash's /dev/tcp asks /healthz. Kubernetes ignores HEALTHCHECK and uses the Deployment's probes.
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# The "app" user (uid 1654) that the .NET images define.
USER $APP_UID
ENTRYPOINT ["dotnet", "Engine.Host.dll"]
