using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Models.Library;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Library;
using PortCooperation.Web.Services.Uploads;

namespace PortCooperation.Web.Controllers;

/// <summary>The best-practice library: browse and search, documents, collections, attachments and the Atom feed.</summary>
[Route("library")]
public sealed class LibraryController(LibraryDocumentReader documents) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Library, CacheTags.Countries, CacheTags.Organisations])]
    [EnableRateLimiting(RateLimitPolicies.Search)] // limits searches (?q=) only; browsing is not limited
    public async Task<IActionResult> Index([FromQuery] LibraryQuery query, [FromServices] LibraryReader reader, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        return View(await reader.ReadAsync(query, cancellationToken));
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Library, CacheTags.Countries, CacheTags.Organisations])]
    public async Task<IActionResult> Document(string slug, CancellationToken cancellationToken)
    {
        var model = await documents.ReadDocumentAsync(slug, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("collections/{slug}")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Library, CacheTags.Countries, CacheTags.Organisations])]
    public async Task<IActionResult> Collection(string slug, CancellationToken cancellationToken)
    {
        var model = await documents.ReadCollectionAsync(slug, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>
    /// Files are served from the attachment store (by default a folder outside wwwroot), only for published documents,
    /// always as a download (Content-Disposition: attachment) with their recorded type and nosniff, so an uploaded HTML
    /// or SVG file can never run in the portal's origin. Ranges and revalidation (Last-Modified) are answered.
    /// </summary>
    [HttpGet("attachments/{id:int}/{fileName}")]
    public async Task<IActionResult> Attachment(int id, string fileName, [FromServices] IAttachmentStore store, CancellationToken cancellationToken)
    {
        var attachment = await documents.FindAttachmentAsync(id, cancellationToken);
        if (attachment is null || store.OpenRead(attachment.StoredFileName) is not { } file)
        {
            return NotFound();
        }

        if (!string.Equals(fileName, attachment.FileName, StringComparison.Ordinal))
        {
            await file.Content.DisposeAsync();

            // The id decides; a stale or mistyped name in the URL is corrected.
            return RedirectToActionPermanent(nameof(Attachment), new { id, fileName = attachment.FileName });
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var contentType = MediaTypeHeaderValue.TryParse(attachment.ContentType, out _) ? attachment.ContentType : "application/octet-stream";
        return new FileStreamResult(file.Content, contentType)
        {
            FileDownloadName = attachment.FileName,
            LastModified = file.LastModified,
            EnableRangeProcessing = true,
        };
    }

    /// <summary>Atom 1.0 feed of the newest documents, in the language asked for (?culture=es).</summary>
    [HttpGet("feed.atom")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Library])]
    public async Task<IActionResult> Feed([FromServices] IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var entries = await documents.ReadFeedAsync(cancellationToken);
        var culture = LocalizationCultures.Current;
        var feedUrl = AbsoluteUrl(Url.Action(nameof(Feed), new { culture })!);
        var libraryUrl = AbsoluteUrl(Url.Action(nameof(Index), new { culture })!);
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.UpdatedUtc);

        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true };
        await using (var xml = XmlWriter.Create(buffer, settings))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, culture);
            xml.WriteElementString("id", atom, feedUrl);
            xml.WriteElementString("title", atom, text["Library_Feed_Title"].Value);
            xml.WriteElementString("subtitle", atom, text["Library_Lead"].Value);
            xml.WriteElementString("updated", atom, Rfc3339(updated));
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, text["Site_Owner"].Value);
            xml.WriteEndElement();
            WriteLink(xml, atom, "self", feedUrl, "application/atom+xml");
            WriteLink(xml, atom, "alternate", libraryUrl, "text/html");
            foreach (var entry in entries)
            {
                var url = AbsoluteUrl(Url.Action(nameof(Document), new { slug = entry.Slug })!);
                xml.WriteStartElement("entry", atom);
                // The id stays the same in both languages and whatever the host: a tag URI on the slug.
                xml.WriteElementString("id", atom, $"tag:portcooperation,2026:library/{entry.Slug}");
                xml.WriteStartElement("title", atom);
                if (entry.Title.IsFallback)
                {
                    xml.WriteAttributeString("xml", "lang", null, entry.Title.Language);
                }

                xml.WriteString(entry.Title.Text);
                xml.WriteEndElement();
                xml.WriteElementString("published", atom, Rfc3339(entry.PublishedUtc));
                xml.WriteElementString("updated", atom, Rfc3339(entry.UpdatedUtc));
                WriteLink(xml, atom, "alternate", $"{url}?culture={culture}", "text/html");
                if (!entry.Summary.IsEmpty)
                {
                    xml.WriteStartElement("summary", atom);
                    xml.WriteAttributeString("type", "text");
                    xml.WriteString(entry.Summary.Text);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static void WriteLink(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private string AbsoluteUrl(string path) => $"{Request.Scheme}://{Request.Host}{path}";

    private static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
