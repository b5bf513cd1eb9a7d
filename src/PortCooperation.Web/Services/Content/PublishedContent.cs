using System.Linq.Expressions;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// The one rule for what the public sees: a record is public when it is Published and its scheduled moment, if any,
/// has come; it is scheduled while Published with that moment still ahead. A collection has no schedule: it is public
/// when Published. Public pages, feeds, the sitemap, search, statistics, the report and the staff filters all use
/// these, as query operators or as expressions inside a projection; each translates to plain SQL on every provider.
/// </summary>
public static class PublishedContent
{
    public static Expression<Func<T, bool>> IsPublic<T>(DateTime nowUtc)
        where T : class, IScheduledPublication =>
        r => r.PublicationState == PublicationState.Published && (r.PublishAtUtc == null || r.PublishAtUtc <= nowUtc);

    public static Expression<Func<T, bool>> IsScheduled<T>(DateTime nowUtc)
        where T : class, IScheduledPublication =>
        r => r.PublicationState == PublicationState.Published && r.PublishAtUtc > nowUtc;

    public static Expression<Func<DocumentCollection, bool>> IsPublicCollection { get; } =
        c => c.PublicationState == PublicationState.Published;

    public static IQueryable<T> Public<T>(this IQueryable<T> records, DateTime nowUtc)
        where T : class, IScheduledPublication =>
        records.Where(IsPublic<T>(nowUtc));

    public static IQueryable<T> Scheduled<T>(this IQueryable<T> records, DateTime nowUtc)
        where T : class, IScheduledPublication =>
        records.Where(IsScheduled<T>(nowUtc));

    public static IQueryable<DocumentCollection> Public(this IQueryable<DocumentCollection> collections) =>
        collections.Where(IsPublicCollection);
}
