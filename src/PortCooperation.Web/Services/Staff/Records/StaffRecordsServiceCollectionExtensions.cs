namespace PortCooperation.Web.Services.Staff.Records;

public static class StaffRecordsServiceCollectionExtensions
{
    /// <summary>The staff screens of the reference and programme records (countries, organisations, …) and the CSV imports.</summary>
    public static IServiceCollection AddPortalStaffRecords(this IServiceCollection services)
    {
        services.AddScoped<CountryRecords>();
        services.AddScoped<OrganisationRecords>();
        services.AddScoped<ScholarshipAwardRecords>();
        services.AddScoped<CsvImporter>();
        services.AddScoped<ProgrammeRecords>();
        services.AddScoped<PortSystemRecords>();
        services.AddScoped<SpeakingEngagementRecords>();
        services.AddScoped<ParticipationRecords>();
        return services;
    }
}
