using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class PortSystemConfiguration : IEntityTypeConfiguration<PortSystem>
{
    public void Configure(EntityTypeBuilder<PortSystem> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Slug).HasMaxLength(SlugLength).IsRequired();
        builder.Property(e => e.Name).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.UnLocode).HasMaxLength(5);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasOne(e => e.Country).WithMany(c => c.PortSystems).HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);
    }
}
