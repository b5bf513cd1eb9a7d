using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using Serilog.Events;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// The request line of a signed-in member of staff: method, path without its query, status, elapsed time, the
/// request's reference and the user's id, and nothing that names the person (their address travels in the query).
/// </summary>
public sealed class RequestLogTests
{
    private const string Email = "request.log.editor@puertos.example.org";

    [Fact]
    public async Task RequestLine_CarriesMethodPathStatusElapsedReferenceAndUserId_ButNoAddress()
    {
        using var factory = new WebFactory();
        var log = new RequestLog();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(log)));
        var user = await app.CreateUserAsync(Email, StaffSession.Password, Roles.Editor);
        var client = app.NewClient();
        await client.SignInAsync(Email);

        using var response = await client.GetAsync($"/Admin?email={Uri.EscapeDataString(Email)}");

        var line = log.Events.Last(e => Scalar(e, "RequestPath") == "/Admin");
        Scalar(line, "RequestMethod").ShouldBe("GET");
        Scalar(line, "StatusCode").ShouldBe(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        line.Properties.ContainsKey("Elapsed").ShouldBeTrue("the elapsed time");
        Scalar(line, "RequestId").ShouldNotBeNullOrEmpty();
        Scalar(line, "UserId").ShouldBe(user.Id);
        line.Level.ShouldBe(LogEventLevel.Information);
        line.Properties.Values.Select(v => v.ToString()).ShouldAllBe(v => !v.Contains("request.log.editor", StringComparison.OrdinalIgnoreCase));
        log.Lines.ShouldNotContain(l => l.Contains("request.log.editor", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Scalar(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar
            ? Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
