using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Code).HasMaxLength(2).IsRequired();
        builder.Property(e => e.NameEn).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.NameEs).HasMaxLength(NameLength).IsRequired();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => new { e.Region, e.IsMemberState });
    }
}
