using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Library;
using PortCooperation.Web.Services.Uploads;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web.Library;

/// <summary>
/// The public download of an attachment: served through whichever attachment store the app is given, as a download
/// with its type, answering byte ranges and revalidation (Last-Modified, 304).
/// </summary>
public sealed class AttachmentDownloadTests
{
    private static readonly byte[] Content = "Mooring line inspection, step by step."u8.ToArray();

    [Fact]
    public async Task ADownloadFromTheLocalFolder_AnswersRangesAndRevalidation()
    {
        using var factory = new WebFactory();
        var document = NewDocument("Mooring lines");
        await factory.AddAsync(document);
        var attachment = await factory.AttachAsync(document, "mooring.txt", "text/plain", Content);
        var path = factory.Services.GetRequiredService<AttachmentStorage>().PathOf(attachment.StoredFileName)!;

        await DownloadScenarioAsync(factory.CreateClient(), attachment.Id, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task ADownload_IsServedThroughAnotherAttachmentStore()
    {
        var store = new MemoryAttachmentStore();
        using var web = new WebFactory();
        using var factory = web.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAttachmentStore>();
            services.AddSingleton<IAttachmentStore>(store);
        }));
        var stored = await store.SaveAsync(new MemoryStream(Content), ".txt", CancellationToken.None);
        var attachment = new Attachment
        {
            OriginalFileName = "mooring.txt",
            StoredFileName = stored,
            ContentType = "text/plain",
            SizeBytes = Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Content)),
            Document = NewDocument("Mooring lines"),
        };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync();
        }

        await DownloadScenarioAsync(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }), attachment.Id, MemoryAttachmentStore.Changed.UtcDateTime);
        File.Exists(Path.Combine(web.DataDirectory, "attachments", stored)).ShouldBeFalse("the file exists only in the other store");
    }

    private static async Task DownloadScenarioAsync(HttpClient client, int id, DateTime lastWrite)
    {
        var url = $"/library/attachments/{id}/mooring.txt";
        var lastModified = new DateTimeOffset(lastWrite.Year, lastWrite.Month, lastWrite.Day, lastWrite.Hour, lastWrite.Minute, lastWrite.Second, TimeSpan.Zero);

        using var download = await client.GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("mooring.txt");
        download.Content.Headers.ContentLength.ShouldBe(Content.Length);
        download.Content.Headers.LastModified.ShouldBe(lastModified);
        download.Headers.AcceptRanges.ShouldBe(["bytes"]);
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Content);

        using var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(8, 11);
        using var part = await client.SendAsync(range);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 8-11/{Content.Length}");
        (await part.Content.ReadAsStringAsync()).ShouldBe("line");

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfModifiedSince = lastModified;
        using var unchanged = await client.SendAsync(revalidate);
        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    /// <summary>An attachment store outside the file system, as an object store would be.</summary>
    private sealed class MemoryAttachmentStore : IAttachmentStore
    {
        // Before the real clock: a Last-Modified in the future is not revalidated.
        public static readonly DateTimeOffset Changed = new(2024, 4, 2, 9, 30, 15, TimeSpan.Zero);

        private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

        public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            var name = $"{Guid.NewGuid():N}{extension}";
            _files[name] = buffer.ToArray();
            return name;
        }

        public StoredFile? OpenRead(string storedName) =>
            _files.TryGetValue(storedName, out var bytes) ? new StoredFile(new MemoryStream(bytes, writable: false), Changed) : null;

        public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
        {
            _files.TryRemove(storedName, out _);
            return Task.CompletedTask;
        }
    }
}
