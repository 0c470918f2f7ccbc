# ConsortiumGraph server image. Build from the repository root:
#   docker build -t consortiumgraph .
#   docker run -p 8080:8080 -v consortiumgraph-data:/data consortiumgraph
# (Not built in this project's CI: its machines cannot run Docker.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm installs the pinned GraphiQL bundle the IDE serves (no CDN at run time).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# For the image's runtime: precompiled (ReadyToRun), so the server starts without JIT-compiling itself.
RUN dotnet publish src/ConsortiumGraph.Server -c Release --use-current-runtime --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# SQLite by default, in a volume; set Database__Provider and ConnectionStrings__Consortium for PostgreSQL or SQL Server.
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Consortium="Data Source=/data/consortium.db" \
    Plugins__Path=/app/plugins
# The non-root app user owns the data folder, so a named volume starts writable.
RUN mkdir -p /data && chown $APP_UID /data
VOLUME /data
EXPOSE 8080
# Orchestrators and load balancers probe /health/live and /health/ready (the image has no curl for a HEALTHCHECK).
USER $APP_UID
ENTRYPOINT ["dotnet", "ConsortiumGraph.Server.dll"]
