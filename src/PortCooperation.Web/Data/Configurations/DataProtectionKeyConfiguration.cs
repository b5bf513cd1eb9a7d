using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PortCooperation.Web.Data.Configurations;

/// <summary>
/// Data Protection's own key entity, mapped onto the table the portal's earlier hand-written key repository created
/// (same name, columns, lengths and nullability), so the keys a database already holds keep working.
/// </summary>
public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FriendlyName).HasMaxLength(200);
        builder.Property(e => e.Xml).IsRequired();
    }
}
