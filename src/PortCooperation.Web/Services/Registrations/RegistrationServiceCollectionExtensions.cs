using Microsoft.Extensions.Options;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.Web.Services.Registrations;

public static class RegistrationServiceCollectionExtensions
{
    /// <summary>Registration rules, the mail outbox and its delivery (pickup folder by default, or SMTP).</summary>
    public static IServiceCollection AddPortalRegistrations(this IServiceCollection services)
    {
        services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.SectionName);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName);
        services.AddScoped<RegistrationService>();
        services.AddScoped<RegistrationFormReader>();
        services.AddSingleton<IMailDomainCheck, DnsMailDomainCheck>();
        services.AddSingleton<RegistrationThrottle>();
        services.AddScoped<SelfServiceReader>();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<RegistrationCalendar>();
        services.AddSingleton<RegistrationMailComposer>();
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<MailServerCapabilities>();
        services.AddSingleton<IMailTransport>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport, "Smtp", StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<SmtpMailTransport>()
                : sp.GetRequiredService<PickupFolderMailTransport>());
        services.AddHostedService(sp => new ConditionalHostedService(
            sp.GetRequiredService<IOptions<MailOptions>>().Value.BackgroundDelivery
                ? ActivatorUtilities.CreateInstance<OutboxDeliveryService>(sp)
                : null));
        return services;
    }

    /// <summary>Hosts the delivery loop only when <c>Mail:BackgroundDelivery</c> is on.</summary>
    private sealed class ConditionalHostedService(IHostedService? inner) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => inner?.StartAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => inner?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
