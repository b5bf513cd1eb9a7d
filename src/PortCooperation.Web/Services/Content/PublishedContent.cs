using System.Linq.Expressions;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// The one rule for what the public sees: a record is public when it is Published and its scheduled moment, if any,
/// has come (<c>PublishAtUtc == null || PublishAtUtc &lt;= now</c>). Public pages, feeds, the sitemap and search all
/// filter with these, as query operators on a DbSet or as expressions inside a projection.
/// </summary>
public static class PublishedContent
{
    public static Expression<Func<Activity, bool>> IsPublicActivity(DateTime nowUtc) =>
        a => a.PublicationState == PublicationState.Published && (a.PublishAtUtc == null || a.PublishAtUtc <= nowUtc);

    public static Expression<Func<BestPracticeDocument, bool>> IsPublicDocument(DateTime nowUtc) =>
        d => d.PublicationState == PublicationState.Published && (d.PublishAtUtc == null || d.PublishAtUtc <= nowUtc);

    public static IQueryable<Activity> Public(this IQueryable<Activity> activities, DateTime nowUtc) =>
        activities.Where(IsPublicActivity(nowUtc));

    public static IQueryable<BestPracticeDocument> Public(this IQueryable<BestPracticeDocument> documents, DateTime nowUtc) =>
        documents.Where(IsPublicDocument(nowUtc));
}
