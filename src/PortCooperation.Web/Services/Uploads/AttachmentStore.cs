using PortCooperation.Web.Services.Library;

namespace PortCooperation.Web.Services.Uploads;

/// <summary>
/// Where attachment files are kept, by generated name. The default is the local <c>attachments/</c> folder under the
/// data directory (outside wwwroot, see <see cref="AttachmentStorage"/>); an object-storage implementation can
/// replace it by registering another <see cref="IAttachmentStore"/>.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores the content under a new generated name ending in <paramref name="extension"/> and returns that name.</summary>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken);

    /// <summary>
    /// The stored file for reading, or null when it does not exist. A seekable stream lets downloads answer range
    /// requests; the last change, when known, lets browsers revalidate instead of downloading again.
    /// </summary>
    StoredFile? OpenRead(string storedName);

    Task DeleteAsync(string storedName, CancellationToken cancellationToken);
}

/// <summary>A stored file opened for reading; the reader disposes <see cref="Content"/>.</summary>
public sealed record StoredFile(Stream Content, DateTimeOffset? LastModified);

/// <summary>The local-folder default: the same folder the public library downloads from.</summary>
public sealed class LocalFolderAttachmentStore(AttachmentStorage storage) : IAttachmentStore
{
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storage.Folder);
        var name = $"{Guid.NewGuid():N}{extension}";
        var path = storage.PathOf(name) ?? throw new InvalidOperationException("Generated attachment name is not a plain file name.");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return name;
    }

    public StoredFile? OpenRead(string storedName) =>
        storage.PathOf(storedName) is { } path && File.Exists(path)
            ? new StoredFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), File.GetLastWriteTimeUtc(path))
            : null;

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        if (storage.PathOf(storedName) is { } path && File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Extracts the searchable text of an uploaded file: one call, content type and bytes in, text (or null) out.
/// The default is the library's extractor: plain text, HTML, Word/Excel/PowerPoint (Open XML) and PDF (PdfPig,
/// bounded against zip bombs and damaged files: see PdfText).
/// </summary>
public interface IAttachmentTextExtractor
{
    string? Extract(string contentType, byte[] content);
}
