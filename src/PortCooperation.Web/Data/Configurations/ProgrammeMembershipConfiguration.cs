using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class ProgrammeMembershipConfiguration : IEntityTypeConfiguration<ProgrammeMembership>
{
    public void Configure(EntityTypeBuilder<ProgrammeMembership> builder)
    {
        builder.ConfigureEditable();
        builder.HasIndex(e => new { e.ProgrammeId, e.PortSystemId }).IsUnique();
        builder.HasOne(e => e.Programme).WithMany(p => p.Memberships).HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.PortSystem).WithMany(p => p.Memberships).HasForeignKey(e => e.PortSystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Phase).WithMany().HasForeignKey(e => e.PhaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
