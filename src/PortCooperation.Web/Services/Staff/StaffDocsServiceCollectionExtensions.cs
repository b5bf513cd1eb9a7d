using Microsoft.Extensions.DependencyInjection.Extensions;
using PortCooperation.Web.Services.Uploads;

namespace PortCooperation.Web.Services.Staff;

public static class StaffDocsServiceCollectionExtensions
{
    /// <summary>Staff management of the library (documents, collections) and of attachments: storage, type checks, text extraction.</summary>
    public static IServiceCollection AddPortalStaffDocs(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section);
        // Defaults: another registration (object storage, a PDF/Office text extractor) made before or after wins.
        services.TryAddSingleton<IAttachmentStore, LocalFolderAttachmentStore>();
        services.TryAddSingleton<IAttachmentTextExtractor, AttachmentTextExtractor>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<DocumentAdminReader>();
        services.AddScoped<DocumentEditor>();
        services.AddScoped<CollectionEditor>();
        services.AddScoped<DashboardReader>();
        return services;
    }
}
