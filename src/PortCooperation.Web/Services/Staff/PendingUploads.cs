using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Uploaded files kept between an import's preview and its confirmation (ADR 0007): server-side under a random token
/// outside wwwroot, named by the kind of import and a digest of the user id (never a name from the request), with the
/// SHA-256 of their content shown in the preview. Confirm gets the files back only with the same token, hash and user.
/// Files older than a day are removed whenever a new upload is kept.
/// </summary>
public sealed partial class PendingUploads(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public async Task<(string Token, string Hash)> KeepAsync(string kind, string userId, IReadOnlyList<byte[]> files, CancellationToken cancellationToken)
    {
        var folder = Folder();
        Directory.CreateDirectory(folder);
        foreach (var old in new DirectoryInfo(folder).GetFiles("*.csv").Where(f => f.LastWriteTimeUtc < clock.GetUtcNow().UtcDateTime.AddDays(-1)))
        {
            old.Delete();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        for (var i = 0; i < files.Count; i++)
        {
            await File.WriteAllBytesAsync(PathOf(kind, userId, token, i), files[i], cancellationToken);
        }

        return (token, Hash(files));
    }

    /// <summary>The files previewed under this token, or null when they are gone or not the ones previewed.</summary>
    public async Task<IReadOnlyList<byte[]>?> ReadAsync(string kind, string userId, string? token, string? hash, CancellationToken cancellationToken)
    {
        if (token is null || !TokenPattern().IsMatch(token))
        {
            return null;
        }

        var files = new List<byte[]>();
        for (var i = 0; File.Exists(PathOf(kind, userId, token, i)); i++)
        {
            files.Add(await File.ReadAllBytesAsync(PathOf(kind, userId, token, i), cancellationToken));
        }

        return files.Count > 0 && string.Equals(hash, Hash(files), StringComparison.Ordinal) ? files : null;
    }

    public void Remove(string kind, string userId, string token)
    {
        for (var i = 0; File.Exists(PathOf(kind, userId, token, i)); i++)
        {
            File.Delete(PathOf(kind, userId, token, i));
        }
    }

    /// <summary>One file: the SHA-256 of its bytes; several: of their digests in order.</summary>
    private static string Hash(IReadOnlyList<byte[]> files) => Convert.ToHexStringLower(files.Count == 1
        ? SHA256.HashData(files[0])
        : SHA256.HashData(files.SelectMany(SHA256.HashData).ToArray()));

    private string Folder() => Path.Combine(DataDirectory.Resolve(configuration, environment), "imports");

    private string PathOf(string kind, string userId, string token, int index) =>
        Path.Combine(Folder(), $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16]}-{token}{(index == 0 ? "" : "-" + index)}.csv");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();
}
