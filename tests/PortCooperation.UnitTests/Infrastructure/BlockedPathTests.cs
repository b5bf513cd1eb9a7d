using PortCooperation.Web.Infrastructure.Security;

namespace PortCooperation.UnitTests.Infrastructure;

/// <summary>docs/quality.md S14: dot-files and configuration files are never served, whatever the path looks like.</summary>
public sealed class BlockedPathTests
{
    [Theory]
    [InlineData("/.git/config")]
    [InlineData("/.env")]
    [InlineData("//.env")]
    [InlineData("/css/.hidden/site.css")]
    [InlineData("/appsettings.json")]
    [InlineData("/APPSETTINGS.Production.JSON")]
    [InlineData("/config/appsettings.Development.json")]
    [InlineData("/library/.well-known/x")]
    public void Blocked(string path) => BlockedRequestMiddleware.IsBlockedPath(path).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/activities")]
    [InlineData("/library/covid-19/port-health.v2")]
    [InlineData("/.well-known/security.txt")]
    [InlineData("/css/site.css")]
    [InlineData("/appsettings")]
    [InlineData("/settings.json")]
    public void Allowed(string? path) => BlockedRequestMiddleware.IsBlockedPath(path).ShouldBeFalse();
}
