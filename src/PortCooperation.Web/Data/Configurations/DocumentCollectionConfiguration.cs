using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class DocumentCollectionConfiguration : IEntityTypeConfiguration<DocumentCollection>
{
    public void Configure(EntityTypeBuilder<DocumentCollection> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Slug).HasMaxLength(SlugLength).IsRequired();
        builder.Property(e => e.TitleEn).HasMaxLength(TitleLength).IsRequired();
        builder.Property(e => e.TitleEs).HasMaxLength(TitleLength);
        builder.HasIndex(e => e.Slug).IsUnique();
    }
}
