using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.Web.Infrastructure;

public static class LibraryServiceCollectionExtensions
{
    /// <summary>The best-practice library: search, readers, and the attachment folder under the data directory.</summary>
    public static IServiceCollection AddPortalLibrary(this IServiceCollection services)
    {
        services.AddScoped<LibrarySearchEngine>();
        services.AddScoped<LibraryReader>();
        services.AddSingleton<LibraryFacetIndex>();
        services.AddSingleton<ICacheEvictionListener>(sp => sp.GetRequiredService<LibraryFacetIndex>());
        services.AddScoped<LibraryDocumentReader>();
        services.AddSingleton(sp => new AttachmentStorage(Path.Combine(
            DataDirectory.Resolve(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()), "attachments")));
        return services;
    }
}
