using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using QRCoder;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// The enrolment page shows the key as a QR code the portal draws itself: an inline PNG whose modules, read back
/// pixel by pixel, are the QR matrix of the page's own otpauth:// link.
/// </summary>
public sealed class AuthenticatorQrCodeTests
{
    [Fact]
    public async Task Enrolment_ShowsAnInlineQrCode_OfTheOtpauthLink()
    {
        using var factory = new WebFactory(DateTimeOffset.UtcNow, new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });
        var client = await factory.SignedInClientAsync("qr-enrol@example.org", Roles.Editor);

        using var response = await client.GetAsync("/Identity/TwoFactor/Enable");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var link = page.QuerySelector("#authenticator-uri")!.GetAttribute("href")!;
        var image = page.QuerySelector("img#authenticator-qr").ShouldNotBeNull("the QR code beside the key");
        image.GetAttribute("alt").ShouldNotBeNullOrWhiteSpace();
        var source = image.GetAttribute("src")!;
        source.ShouldStartWith("data:image/png;base64,", customMessage: "drawn by the portal, not fetched from an image service");

        var modules = ReadModules(Convert.FromBase64String(source["data:image/png;base64,".Length..]));

        using var expected = QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
        modules.Length.ShouldBe(expected.ModuleMatrix.Count);
        for (var y = 0; y < modules.Length; y++)
        {
            for (var x = 0; x < modules.Length; x++)
            {
                modules[y][x].ShouldBe(expected.ModuleMatrix[y][x], $"module ({x}, {y})");
            }
        }
    }

    /// <summary>
    /// A QR code PNG back to its modules (dark = true), quiet zone included: the image is square, each module a square
    /// of equal pixels, so the module size is the side over the number of modules along the finder pattern's row.
    /// </summary>
    private static bool[][] ReadModules(byte[] png)
    {
        var (width, height, pixels) = DecodeGreyscaleOrPalette(png);
        width.ShouldBe(height);
        // The top-left finder pattern starts after the 4-module quiet zone and is 7 dark modules wide.
        var row = pixels[Array.FindIndex(pixels, r => r.Contains(true))];
        var firstDark = Array.IndexOf(row, true);
        var runEnd = Array.IndexOf(row, false, firstDark);
        var moduleSize = (runEnd - firstDark) / 7;
        moduleSize.ShouldBeGreaterThan(0);
        var count = width / moduleSize;
        var modules = new bool[count][];
        for (var y = 0; y < count; y++)
        {
            modules[y] = new bool[count];
            for (var x = 0; x < count; x++)
            {
                modules[y][x] = pixels[y * moduleSize + moduleSize / 2][x * moduleSize + moduleSize / 2];
            }
        }

        return modules;
    }

    /// <summary>Just enough PNG: greyscale or palette, 1 to 8 bits, no interlacing, filter type 0 on every row.</summary>
    private static (int Width, int Height, bool[][] Dark) DecodeGreyscaleOrPalette(byte[] png)
    {
        png.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }).ShouldBeTrue("a PNG signature");
        int width = 0, height = 0, bitDepth = 0, colourType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colourType = data[9];
                    data[12].ShouldBe((byte)0, "not interlaced");
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            offset += 12 + length;
        }

        colourType.ShouldBeOneOf((byte)0, (byte)3);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = (width * bitDepth + 7) / 8;
        var dark = new bool[height][];
        for (var y = 0; y < height; y++)
        {
            var line = raw.AsSpan(y * (stride + 1), stride + 1);
            line[0].ShouldBe((byte)0, "filter type none");
            dark[y] = new bool[width];
            for (var x = 0; x < width; x++)
            {
                var bitOffset = x * bitDepth;
                var value = (line[1 + bitOffset / 8] >> (8 - bitDepth - bitOffset % 8)) & ((1 << bitDepth) - 1);
                var grey = colourType == 3 ? palette[value * 3] : value * 255 / ((1 << bitDepth) - 1);
                dark[y][x] = grey < 128;
            }
        }

        return (width, height, dark);
    }
}
