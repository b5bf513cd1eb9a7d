namespace PortCooperation.Web.Areas.Identity.Models;

/// <summary>What the enrolment form posts: the code the app shows, the key it was shown (protected), and where to go afterwards.</summary>
public sealed class TwoFactorEnableInput
{
    public string? Code { get; set; }

    /// <summary>A key not yet stored, protected for this account: the page that shows it (a GET) writes nothing.</summary>
    public string? PendingKey { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The enrolment page: the shared key as text (grouped by four), as an otpauth:// link and as a QR code of that link.</summary>
public sealed class TwoFactorEnableViewModel
{
    public required TwoFactorEnableInput Input { get; init; }

    /// <summary>The Base32 key, as the authenticator app needs it.</summary>
    public required string SharedKey { get; init; }

    public required string AuthenticatorUri { get; init; }

    /// <summary>The shown key, protected for this account, when it is not stored yet; the enrolment POST stores it.</summary>
    public string? PendingKey { get; init; }

    /// <summary>The same otpauth:// address as a QR code for the phone's camera (a PNG data: address).</summary>
    public string QrCodeDataUri => AuthenticatorQrCode.PngDataUri(AuthenticatorUri);

    /// <summary>"ABCD EFGH …", easier to type.</summary>
    public string SharedKeyForReading => string.Join(' ', SharedKey.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}

/// <summary>What the "start enrolment again" form posts: the account's password, asked again.</summary>
public sealed class TwoFactorResetInput
{
    public string? Password { get; set; }
}

/// <summary>The one-time list of recovery codes shown right after enrolment.</summary>
public sealed class RecoveryCodesViewModel
{
    public required IReadOnlyList<string> Codes { get; init; }

    public required string ContinueUrl { get; init; }
}

/// <summary>What the second sign-in step posts: an app code or a recovery code.</summary>
public sealed class LoginWith2faInput
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}
