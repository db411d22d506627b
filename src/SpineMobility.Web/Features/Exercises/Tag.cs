using System.Collections.Frozen;
using System.Text.Json;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>Converts the catalog's enums to and from their kebab-case tags.</summary>
public static class Tag
{
    public static string Of<T>(T value) where T : struct, Enum => Tags<T>.ByValue[value];

    public static bool TryParse<T>(string? tag, out T value) where T : struct, Enum =>
        Tags<T>.ByTag.TryGetValue(tag ?? "", out value);

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Tags<T>.InOrder;

    private static class Tags<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> ByTag =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> InOrder = [.. Enum.GetValues<T>().Select(v => ByValue[v])];
    }
}
