using Microsoft.AspNetCore.Identity;

namespace PortCooperation.Web.Services.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Staff account management: the link-token providers (invitation, password reset), options, reader and service.</summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName);
        services.AddTransient<InvitationTokenProvider>();
        services.AddTransient<PasswordResetTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            o.Tokens.ProviderMap[PasswordResetTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
        });
        services.AddScoped<AccountMailComposer>();
        services.AddScoped<AccountAdminReader>();
        services.AddScoped<AccountService>();
        return services;
    }
}
