using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

public class AnalyticsSaltConfiguration : IEntityTypeConfiguration<AnalyticsSalt>
{
    public void Configure(EntityTypeBuilder<AnalyticsSalt> builder)
    {
        builder.HasKey(e => e.Day);
        builder.Property(e => e.Day).ValueGeneratedNever();
        builder.Property(e => e.Salt).HasMaxLength(32).IsRequired();
    }
}
