using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Slug).HasMaxLength(SlugLength).IsRequired();
        builder.Property(e => e.NameEn).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.NameEs).HasMaxLength(NameLength);
        builder.Property(e => e.Acronym).HasMaxLength(40);
        builder.Property(e => e.WebsiteUrl).HasMaxLength(UrlLength);
        builder.Property(e => e.DescriptionEn).HasMaxLength(SummaryLength);
        builder.Property(e => e.DescriptionEs).HasMaxLength(SummaryLength);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasOne(e => e.Country).WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);
    }
}
