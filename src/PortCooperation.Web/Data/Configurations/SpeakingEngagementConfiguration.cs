using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class SpeakingEngagementConfiguration : IEntityTypeConfiguration<SpeakingEngagement>
{
    public void Configure(EntityTypeBuilder<SpeakingEngagement> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.TitleEn).HasMaxLength(TitleLength).IsRequired();
        builder.Property(e => e.TitleEs).HasMaxLength(TitleLength);
        builder.Property(e => e.OrganiserName).HasMaxLength(NameLength);
        builder.Property(e => e.Speaker).HasMaxLength(NameLength);
        builder.Property(e => e.NotesEn).HasMaxLength(SummaryLength);
        builder.Property(e => e.NotesEs).HasMaxLength(SummaryLength);
        builder.HasIndex(e => e.Date);
        builder.HasOne(e => e.Organiser).WithMany().HasForeignKey(e => e.OrganiserId).OnDelete(DeleteBehavior.Restrict);
    }
}
