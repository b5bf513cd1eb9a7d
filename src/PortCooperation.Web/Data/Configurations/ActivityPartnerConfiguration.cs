using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class ActivityPartnerConfiguration : IEntityTypeConfiguration<ActivityPartner>
{
    public void Configure(EntityTypeBuilder<ActivityPartner> builder)
    {
        builder.HasKey(e => new { e.ActivityId, e.OrganisationId });
        builder.HasIndex(e => e.OrganisationId);
        builder.HasOne(e => e.Activity).WithMany(a => a.Partners).HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Organisation).WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
