using System.Buffers.Text;
using System.Security.Cryptography;

namespace SpineMobility.Web.Features.Programs;

/// <summary>The secret in a share link: 256 random bits, written in 43 address-safe characters.</summary>
public static class ShareToken
{
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a text could be a token at all; anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
