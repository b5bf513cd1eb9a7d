using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Uploads;

public enum AttachmentOwner
{
    Document = 1,
    Activity = 2,
}

/// <summary>Upload settings (section "Uploads").</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>The largest file accepted, in bytes (20 MB unless configured).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>Why an upload was refused: a resource key of the message staff see.</summary>
public sealed record UploadResult(int? AttachmentId, string? ErrorKey)
{
    public bool Succeeded => ErrorKey is null;
}

/// <summary>An attachment opened for download.</summary>
public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType);

/// <summary>
/// Attachments of documents and activities (S9): size limit, type by content, stored through <see cref="IAttachmentStore"/>
/// under a generated name, original name kept (sanitised) for download, text extracted for the library's search through
/// <see cref="IAttachmentTextExtractor"/>. Every add, replace and remove is a saved change, so the audit log records it.
/// </summary>
public sealed class AttachmentService(PortalDbContext db, IAttachmentStore store, IAttachmentTextExtractor extractor, IOptions<UploadOptions> options)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<IReadOnlyList<AttachmentRow>> ListAsync(AttachmentOwner owner, int ownerId, CancellationToken cancellationToken) =>
        await Owned(owner, ownerId).AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.OriginalFileName, a.ContentType, a.SizeBytes, a.ExtractedText != null, a.UpdatedAt))
            .ToListAsync(cancellationToken);

    public async Task<bool> OwnerExistsAsync(AttachmentOwner owner, int ownerId, CancellationToken cancellationToken) => owner switch
    {
        AttachmentOwner.Document => await db.Documents.AnyAsync(d => d.Id == ownerId, cancellationToken),
        AttachmentOwner.Activity => await db.Activities.AnyAsync(a => a.Id == ownerId, cancellationToken),
        _ => false,
    };

    public async Task<UploadResult> AddAsync(AttachmentOwner owner, int ownerId, IFormFile? file, CancellationToken cancellationToken)
    {
        var (content, type, error) = await ReadAsync(file, cancellationToken);
        if (error is not null)
        {
            return new UploadResult(null, error);
        }

        var attachment = new Attachment
        {
            DocumentId = owner == AttachmentOwner.Document ? ownerId : null,
            ActivityId = owner == AttachmentOwner.Activity ? ownerId : null,
        };
        await FillAsync(attachment, file!, content!, type!, cancellationToken);
        db.Attachments.Add(attachment);
        await SaveOrForgetAsync(attachment.StoredFileName, cancellationToken);
        return new UploadResult(attachment.Id, null);
    }

    /// <summary>Replaces the file of an attachment (same id, new stored name); the old file is deleted once the change is saved.</summary>
    public async Task<UploadResult> ReplaceAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return new UploadResult(null, "NotFound");
        }

        var (content, type, error) = await ReadAsync(file, cancellationToken);
        if (error is not null)
        {
            return new UploadResult(id, error);
        }

        var old = attachment.StoredFileName;
        await FillAsync(attachment, file!, content!, type!, cancellationToken);
        await SaveOrForgetAsync(attachment.StoredFileName, cancellationToken);
        await store.DeleteAsync(old, cancellationToken);
        return new UploadResult(id, null);
    }

    /// <summary>Removes an attachment (row and file); returns its owner, or null when it does not exist.</summary>
    public async Task<(AttachmentOwner Owner, int OwnerId)?> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        var owner = OwnerOf(attachment);
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(attachment.StoredFileName, cancellationToken);
        return owner;
    }

    public async Task<(AttachmentOwner Owner, int OwnerId)?> OwnerOfAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Attachments.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.DocumentId, a.ActivityId }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : row.DocumentId is { } d ? (AttachmentOwner.Document, d) : (AttachmentOwner.Activity, row.ActivityId ?? 0);
    }

    public async Task<AttachmentDownload?> OpenAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.StoredFileName, a.OriginalFileName, a.ContentType }).SingleOrDefaultAsync(cancellationToken);
        return row is not null && store.OpenRead(row.StoredFileName) is { } file
            ? new AttachmentDownload(file.Content, row.OriginalFileName, row.ContentType)
            : null;
    }

    /// <summary>Deletes stored files whose rows are already gone (a deleted document or activity).</summary>
    public async Task DeleteFilesAsync(IEnumerable<string> storedNames, CancellationToken cancellationToken)
    {
        foreach (var name in storedNames)
        {
            await store.DeleteAsync(name, cancellationToken);
        }
    }

    private static (AttachmentOwner, int) OwnerOf(Attachment attachment) =>
        attachment.DocumentId is { } documentId ? (AttachmentOwner.Document, documentId) : (AttachmentOwner.Activity, attachment.ActivityId ?? 0);

    private IQueryable<Attachment> Owned(AttachmentOwner owner, int ownerId) => owner == AttachmentOwner.Document
        ? db.Attachments.Where(a => a.DocumentId == ownerId)
        : db.Attachments.Where(a => a.ActivityId == ownerId);

    private async Task<(byte[]? Content, UploadType? Type, string? ErrorKey)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, null, "StaffDocs_Upload_NoFile");
        }

        if (file.Length > options.Value.MaxBytes)
        {
            return (null, null, "StaffDocs_Upload_TooLarge");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var type = UploadInspector.Detect(content, file.FileName);
        return type is null ? (null, null, "StaffDocs_Upload_WrongType") : (content, type, null);
    }

    private async Task FillAsync(Attachment attachment, IFormFile file, byte[] content, UploadType type, CancellationToken cancellationToken)
    {
        attachment.StoredFileName = await store.SaveAsync(new MemoryStream(content, writable: false), type.Extension, cancellationToken);
        attachment.OriginalFileName = UploadFileNames.Sanitise(file.FileName, type.Extension);
        attachment.ContentType = type.ContentType;
        attachment.SizeBytes = content.LongLength;
        attachment.Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        attachment.ExtractedText = extractor.Extract(type.ContentType, content);
    }

    /// <summary>Saves; when the save fails the file just stored is deleted so no orphan is left behind.</summary>
    private async Task SaveOrForgetAsync(string storedName, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(storedName, CancellationToken.None);
            throw;
        }
    }
}
