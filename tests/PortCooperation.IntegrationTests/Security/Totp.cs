using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps), computed independently of the app.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at, int digits = 6) =>
        Code(FromBase32(base32Key), at.ToUnixTimeSeconds() / 30, digits);

    public static string Code(byte[] key, long timeStep, int digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; this computes what they compute.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>RFC 4648 Base32 (A–Z, 2–7), case-insensitive, padding and spaces ignored.</summary>
    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
