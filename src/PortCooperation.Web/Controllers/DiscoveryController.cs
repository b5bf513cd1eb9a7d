using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Discovery;

namespace PortCooperation.Web.Controllers;

/// <summary><c>sitemap.xml</c> (every public URL with its English and Spanish alternates) and <c>robots.txt</c>.</summary>
public sealed class DiscoveryController : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, CacheTags.Library, CacheTags.Countries, CacheTags.Organisations])]
    public async Task<IActionResult> Sitemap([FromServices] SitemapReader reader, CancellationToken cancellationToken)
    {
        var entries = await reader.ReadAsync(cancellationToken);
        var origin = Origin();
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var entry in entries)
            {
                // One <url> per language version, each naming all versions (and x-default) as alternates.
                foreach (var culture in LocalizationCultures.Supported)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, AlternateLinks.WithCulture(origin + entry.Path, culture));
                    if (entry.LastModifiedUtc is { } modified)
                    {
                        xml.WriteElementString("lastmod", SitemapNamespace, modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    }

                    foreach (var (hreflang, href) in AlternateLinks.For(origin + entry.Path))
                    {
                        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", hreflang);
                        xml.WriteAttributeString("href", href);
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the bytes sent are UTF-8, so say so.
        var text = output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return File(Encoding.UTF8.GetBytes(text), "application/xml; charset=utf-8");
    }

    [HttpGet("/robots.txt")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public IActionResult Robots()
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /Admin\n")
            .Append("Disallow: /Identity\n")
            .Append("Disallow: /language\n")
            .Append(CultureInfo.InvariantCulture, $"Sitemap: {Origin()}/sitemap.xml\n")
            .ToString();
        return Content(text, "text/plain; charset=utf-8");
    }

    private string Origin() => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
}
