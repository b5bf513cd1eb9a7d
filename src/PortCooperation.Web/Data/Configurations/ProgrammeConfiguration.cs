using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Slug).HasMaxLength(SlugLength).IsRequired();
        builder.Property(e => e.NameEn).HasMaxLength(TitleLength).IsRequired();
        builder.Property(e => e.NameEs).HasMaxLength(TitleLength);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasOne(e => e.LeadOrganisation).WithMany().HasForeignKey(e => e.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
