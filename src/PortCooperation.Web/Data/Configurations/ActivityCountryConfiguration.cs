using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class ActivityCountryConfiguration : IEntityTypeConfiguration<ActivityCountry>
{
    public void Configure(EntityTypeBuilder<ActivityCountry> builder)
    {
        builder.HasKey(e => new { e.ActivityId, e.CountryId });
        builder.HasIndex(e => e.CountryId);
        builder.HasOne(e => e.Activity).WithMany(a => a.ParticipatingCountries).HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Country).WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);
    }
}
