namespace PortCooperation.Web.Services.Places;

/// <summary>The member-states, port-network and partners pages.</summary>
public static class PlacesServiceCollectionExtensions
{
    public static IServiceCollection AddPortalPlaces(this IServiceCollection services)
    {
        services.AddScoped<MemberStatesReader>();
        services.AddScoped<PortNetworkReader>();
        services.AddScoped<PartnersReader>();
        return services;
    }
}
