using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Audit;

namespace PortCooperation.Web.Services.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>The staff area's services: the audit log reader (its interceptor is registered and attached by AddPortalDatabase), editors and list readers.</summary>
    public static IServiceCollection AddPortalStaff(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLogReader>();
        services.AddScoped<ActivityAdminReader>();
        services.AddScoped<ActivityEditor>();
        services.AddScoped<RegistrationAdminReader>();
        services.AddScoped<AttendanceService>();
        services.AddScoped<PendingUploads>();
        services.AddScoped<CustomMessageService>();
        services.AddScoped<OutboxAdminReader>();

        // Model-binding messages ("abc" in a number field) in the staff's language, like the attribute messages.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var text = factory.Create(typeof(SharedResource));
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => text["Admin_Validation_Invalid"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Admin_Validation_Invalid"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Admin_Validation_Invalid"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Admin_Validation_Invalid"]);
            messages.SetValueIsInvalidAccessor(_ => text["Admin_Validation_Invalid"]);
            messages.SetValueMustBeANumberAccessor(_ => text["Admin_Validation_NotANumber"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Admin_Validation_NotANumber"]);
            messages.SetValueMustNotBeNullAccessor(_ => text["Admin_Validation_Invalid"]);
        });
        return services;
    }
}
