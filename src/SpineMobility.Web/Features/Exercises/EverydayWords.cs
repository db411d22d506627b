using System.Collections.Frozen;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// The words people use for the catalog's vocabularies, beside its tags: "neck" for cervical, "lower back"
/// for lumbar, "hips" for hip, and every label the app shows. Addresses and search both understand them.
/// </summary>
public static class EverydayWords
{
    /// <summary>What people call each region besides its tag and label (Neck, Upper back, Lower back, Hips, Full body, Beginner).</summary>
    private static readonly (Region Region, string[] Words)[] RegionAliases =
    [
        (Region.Cervical, ["neck", "necks"]),
        (Region.Thoracic, ["upper back", "mid back", "middle back", "upper spine"]),
        (Region.Lumbar, ["lower back", "low back", "lower spine"]),
        (Region.Hip, ["hip", "hips"]),
        (Region.FullBody, ["full body", "whole body", "whole spine"]),
        (Region.Beginner, ["beginner", "beginners", "gentle"]),
    ];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Words<T>.ByKey.TryGetValue(Key(text ?? ""), out value);

    /// <summary>Every word or phrase that means <paramref name="value"/>: its tag, its label and, for regions, what people call it.</summary>
    public static IReadOnlyList<string> For<T>(T value) where T : struct, Enum => Words<T>.ByValue[value];

    /// <summary>"Lower back", "lower-back" and "lower_back" are one word here.</summary>
    private static string Key(string text) =>
        string.Join('-', text.Trim().ToLowerInvariant().Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static class Words<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string[]> ByValue = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => All(v).Distinct().ToArray());

        public static readonly FrozenDictionary<string, T> ByKey = ByValue
            .SelectMany(p => p.Value.Select(word => (Key: Key(word), p.Key)))
            .DistinctBy(p => p.Key)
            .ToFrozenDictionary(p => p.Key, p => p.Item2, StringComparer.Ordinal);

        private static IEnumerable<string> All(T value)
        {
            yield return Tag.Of(value);
            yield return Label(value);
            if (value is Region region)
            {
                foreach (var word in RegionAliases.Single(a => a.Region == region).Words)
                {
                    yield return word;
                }
            }
        }

        private static string Label(T value) => value switch
        {
            Region r => Labels.Of(r),
            StartingPosition p => Labels.Of(p),
            Equipment e => Labels.Of(e),
            MovementDirection d => Labels.Of(d),
            SessionPhase s => Labels.Of(s),
            Intensity i => Labels.Of(i),
            _ => Tag.Of(value),
        };
    }
}
