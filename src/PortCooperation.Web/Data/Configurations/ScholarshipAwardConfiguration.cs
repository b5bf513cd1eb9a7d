using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class ScholarshipAwardConfiguration : IEntityTypeConfiguration<ScholarshipAward>
{
    public void Configure(EntityTypeBuilder<ScholarshipAward> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.RecipientName).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.ProgrammeName).HasMaxLength(TitleLength);
        builder.Property(e => e.AmountUsd).HasPrecision(12, 2);
        builder.HasIndex(e => e.AwardedOn);
        builder.HasIndex(e => e.CountryId);
        builder.HasOne(e => e.Country).WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Activity).WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}
