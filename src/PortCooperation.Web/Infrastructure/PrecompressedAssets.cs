using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Fingerprinted stylesheets, scripts and SVGs (<c>?v=</c> from <c>asp-append-version</c>) for clients that accept
/// Brotli: compressed once at the highest quality (11) and kept in memory, instead of at the "Fastest" level the
/// response-compression middleware uses for every response (right for pages, which change, but it sent Bootstrap's
/// 232 KB stylesheet as 48 KB instead of about 22 KB: render-blocking bytes that Lighthouse counted, docs/quality.md A5).
/// Other requests go on to the static-file middleware and its on-the-fly compression.
/// </summary>
public sealed class PrecompressedAssets(IWebHostEnvironment environment)
{
    private static readonly FileExtensionContentTypeProvider _types = new();
    private static readonly string[] _extensions = [".css", ".js", ".svg"];
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new(StringComparer.Ordinal);

    public async Task<bool> TryServeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || path is null
            || !request.Query.ContainsKey("v")
            || !_extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || !AcceptsBrotli(request)
            || !_types.TryGetContentType(path, out var contentType))
        {
            return false;
        }

        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            return false;
        }

        var entry = _entries.GetOrAdd(path, _ => new Lazy<Entry>(() => Entry.Compress(file)));
        if (entry.Value.LastModified != file.LastModified)
        {
            // The file changed under a running app (development): compress it again.
            entry = _entries[path] = new Lazy<Entry>(() => Entry.Compress(file));
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = entry.Value.Body.Length;
        response.Headers.ContentEncoding = "br";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(entry.Value.Body, context.RequestAborted);
        }

        return true;
    }

    private static bool AcceptsBrotli(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals("br", StringComparison.OrdinalIgnoreCase) && e.Quality is null or > 0);

    private sealed record Entry(DateTimeOffset LastModified, byte[] Body)
    {
        public static Entry Compress(Microsoft.Extensions.FileProviders.IFileInfo file)
        {
            using var source = file.CreateReadStream();
            using var raw = new MemoryStream();
            source.CopyTo(raw);
            using var compressed = new MemoryStream();
            using (var brotli = new BrotliStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                brotli.Write(raw.GetBuffer(), 0, (int)raw.Length);
            }

            return new Entry(file.LastModified, compressed.ToArray());
        }
    }
}
