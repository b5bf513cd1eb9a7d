using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure.Operations;

namespace PortCooperation.Web.Infrastructure;

public static class OperationsServiceCollectionExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Default of <c>Hosting:ShutdownTimeout</c>: how long a stopping portal waits for accepted requests.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>Health checks, Data Protection key storage, security headers and error handling.</summary>
    public static IServiceCollection AddPortalOperations(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Ready means "can serve pages": the database answers and holds the portal's schema. A bare
        // connection test is not enough on SQLite, which would happily create an empty file.
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>(
                name: "database",
                tags: [ReadyTag],
                customTestQuery: async (db, ct) =>
                {
                    await db.Roles.AsNoTracking().AnyAsync(ct);
                    return true;
                });

        // One key ring in the database for every instance; the application name isolates it from other
        // apps that might share the database, and must never change (it would sign everybody out).
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("PortCooperation")
            .PersistKeysToDbContext<PortalDbContext>();
        if (DataProtectionCertificate.Load(configuration) is { } certificate)
        {
            // Keys at rest are encrypted to the certificate; a database copy alone then unlocks no cookie or link.
            // Unprotecting names the certificate itself: on Linux there is no certificate store to find it in.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            services.AddHostedService<DataProtectionCertificate.NoticeWhenAbsent>();
        }

        // Graceful stop (SIGTERM, Ctrl+C, docker stop): Kestrel stops accepting connections at once, lets the
        // requests it has accepted finish, then the background services stop (outbox, page views). This is how
        // long all of that may take before the host gives up; keep it below the supervisor's kill timer
        // (docker stop: 10 s unless stop_grace_period says more; Kubernetes: 30 s; systemd: 90 s).
        var shutdownTimeout = configuration.GetValue("Hosting:ShutdownTimeout", DefaultShutdownTimeout);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }
}
