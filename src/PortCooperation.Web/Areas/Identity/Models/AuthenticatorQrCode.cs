using QRCoder;

namespace PortCooperation.Web.Areas.Identity.Models;

/// <summary>
/// The QR code of an authenticator (otpauth://) address, drawn by the portal itself: the secret never leaves the
/// server for a third-party image service. PNG rather than inline SVG, so the page's style policy stays strict.
/// </summary>
public static class AuthenticatorQrCode
{
    /// <summary>Medium error correction: a phone reads it off a screen; higher levels only make it denser.</summary>
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.M;

    /// <summary>Pixels per module: about 200 px for a key-length address, sharp at the size the page shows it.</summary>
    public const int PixelsPerModule = 4;

    public static byte[] Png(string authenticatorUri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(authenticatorUri, ErrorCorrection);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string PngDataUri(string authenticatorUri) => "data:image/png;base64," + Convert.ToBase64String(Png(authenticatorUri));
}
