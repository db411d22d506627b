using System.Buffers;
using System.Security.Cryptography;

namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// The name an own exercise goes by in plans, routines and runs: "my_" and 16 random letters and digits. A catalog
/// slug is lowercase letters, digits and hyphens only, so the underscore keeps the two apart, and the address-safe
/// characters keep it readable in a plan code. Knowing a key gives nothing: an own exercise is only ever looked up
/// among its owner's (the builder's signed-in user, or the owner of a routine the reader may see).
/// </summary>
public static class OwnExerciseKey
{
    public const string Prefix = "my_";

    public const int Length = 19;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly SearchValues<char> Letters = SearchValues.Create(Alphabet);

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, Length - Prefix.Length);

    public static bool IsKey(string? slug) =>
        slug is { Length: Length } && slug.StartsWith(Prefix, StringComparison.Ordinal) && !slug.AsSpan(Prefix.Length).ContainsAnyExcept(Letters);
}
