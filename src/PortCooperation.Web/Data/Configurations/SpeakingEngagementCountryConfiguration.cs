using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class SpeakingEngagementCountryConfiguration : IEntityTypeConfiguration<SpeakingEngagementCountry>
{
    public void Configure(EntityTypeBuilder<SpeakingEngagementCountry> builder)
    {
        builder.HasKey(e => new { e.SpeakingEngagementId, e.CountryId });
        builder.HasIndex(e => e.CountryId);
        // The default name is 71 characters; PostgreSQL keeps 63, so the model and the migration disagreed on it there.
        builder.HasOne(e => e.SpeakingEngagement).WithMany(s => s.Countries).HasForeignKey(e => e.SpeakingEngagementId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("FK_SpeakingEngagementCountries_SpeakingEngagements");
        builder.HasOne(e => e.Country).WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);
    }
}
