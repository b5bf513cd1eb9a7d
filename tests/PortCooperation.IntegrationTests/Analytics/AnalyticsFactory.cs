using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Data;
using PortCooperation.Web.Services.Analytics;

namespace PortCooperation.IntegrationTests.Analytics;

/// <summary>
/// The real app with analytics switched on, a clock the test moves, the writer's timer out of the way (tests write
/// the queue with <see cref="FlushAsync"/>), and the client address taken from a test header (TestServer has none).
/// </summary>
public sealed class AnalyticsFactory : PortalFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    public AnalyticsFactory(IDictionary<string, string?>? settings = null)
        : base(With(settings))
    {
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2032, 3, 10, 15, 0, 0, TimeSpan.Zero));

    public SqlCommandCounter SqlCommands { get; } = new();

    public HttpClient Visitor(string address, string? consentCookie = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        if (consentCookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"{AnalyticsConsent.CookieName}={consentCookie}");
        }

        return client;
    }

    public async Task<int> FlushAsync() => await Services.GetRequiredService<PageViewWriter>().FlushAsync(CancellationToken.None);

    public Task<int> PageViewCountAsync() => WithDbAsync(db => db.PageViews.CountAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<PortalDbContext>(db => db.AddInterceptors(SqlCommands));
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    private static Dictionary<string, string?> With(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:SeedDemoData"] = "false",
            ["Analytics:Enabled"] = "true",
            ["Analytics:FlushInterval"] = "01:00:00",
            ["Analytics:CountryHeader"] = "CF-IPCountry",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
