# The engine's container image: one stateless process serving GraphQL (and later gRPC) for every resource.
# Build:  docker build -t engine .
# Run:    docker run -p 8080:8080 -e ConnectionStrings__Engine='Host=db;Username=...;Password=...;Database=engine' engine
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Engine.sln ./
COPY metadata-store/ metadata-store/
COPY engine/ engine/
RUN dotnet publish engine/Engine.Host/Engine.Host.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    Engine__HttpPort=8080 \
    Engine__GrpcPort=8081
EXPOSE 8080 8081
USER app
ENTRYPOINT ["dotnet", "Engine.Host.dll"]
