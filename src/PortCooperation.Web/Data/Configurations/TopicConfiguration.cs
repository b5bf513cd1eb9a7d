using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Slug).HasMaxLength(SlugLength).IsRequired();
        builder.Property(e => e.NameEn).HasMaxLength(NameLength).IsRequired();
        builder.Property(e => e.NameEs).HasMaxLength(NameLength);
        builder.HasIndex(e => e.Slug).IsUnique();
    }
}
