using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;
using static PortCooperation.Web.Data.Configurations.EntityConfigurationExtensions;

namespace PortCooperation.Web.Data.Configurations;

public class ProgrammePhaseConfiguration : IEntityTypeConfiguration<ProgrammePhase>
{
    public void Configure(EntityTypeBuilder<ProgrammePhase> builder)
    {
        builder.ConfigureEditable();
        builder.Property(e => e.Label).HasMaxLength(40).IsRequired();
        builder.Property(e => e.DescriptionEn).HasMaxLength(SummaryLength);
        builder.Property(e => e.DescriptionEs).HasMaxLength(SummaryLength);
        builder.HasIndex(e => new { e.ProgrammeId, e.Sequence }).IsUnique();
        builder.HasOne(e => e.Programme).WithMany(p => p.Phases).HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
