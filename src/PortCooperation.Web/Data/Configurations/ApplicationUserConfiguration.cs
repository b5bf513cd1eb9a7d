using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(e => e.DisplayName).HasMaxLength(200);
        builder.Property(e => e.Language).HasMaxLength(8);
    }
}
