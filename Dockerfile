# Builds and runs the portal. Used by docker-compose.yml (not by the tests, which run everything by hand).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/PortCooperation.Web/PortCooperation.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Data__Directory=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "PortCooperation.Web.dll"]
