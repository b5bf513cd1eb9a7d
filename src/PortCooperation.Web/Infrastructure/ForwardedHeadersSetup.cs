using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy that terminates TLS (nginx, Caddy, a load balancer), the app must see the original
/// scheme and client address, or secure cookies and antiforgery refuse plain-HTTP requests from the proxy.
/// <c>Proxy:KnownProxies</c> (IP addresses) and <c>Proxy:KnownNetworks</c> (CIDR) name the proxies whose
/// X-Forwarded-For/-Proto headers are trusted; loopback is always trusted. Nobody else can spoof them.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
