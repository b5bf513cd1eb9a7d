using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Configurations;

internal static class EntityConfigurationExtensions
{
    public const int SlugLength = 160;
    public const int TitleLength = 300;
    public const int NameLength = 200;
    public const int SummaryLength = 2000;
    public const int UrlLength = 1000;
    public const int LanguageLength = 8;

    /// <summary>Shared mapping of <see cref="EditableEntity"/>: the version column is the optimistic-concurrency token.</summary>
    public static void ConfigureEditable<T>(this EntityTypeBuilder<T> builder)
        where T : EditableEntity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
