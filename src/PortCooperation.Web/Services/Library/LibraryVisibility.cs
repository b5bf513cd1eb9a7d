using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Library;

/// <summary>The one rule for what the public sees of the library: published, and its publication time reached.</summary>
public static class LibraryVisibility
{
    public static IQueryable<BestPracticeDocument> Published(this IQueryable<BestPracticeDocument> documents, DateTime nowUtc) =>
        documents.Where(d => d.PublicationState == PublicationState.Published && (d.PublishAtUtc == null || d.PublishAtUtc <= nowUtc));
}
