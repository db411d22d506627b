using System.Text.Json.Nodes;

namespace SpineMobility.Testing;

/// <summary>What the real content file says, so tests compare the app against the source of truth.</summary>
public static class Catalog
{
    private static readonly JsonArray Entries = JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesJson))!["exercises"]!.AsArray();

    public static IReadOnlyList<(string Slug, string Name)> InRegion(string region) =>
        [.. Entries.Where(e => e!["regions"]!.AsArray().Any(r => r!.GetValue<string>() == region))
                   .Select(e => (e!["slug"]!.GetValue<string>(), e["name"]!.GetValue<string>()))];

    public static IReadOnlyList<string> AllNames =>
        [.. Entries.Select(e => e!["name"]!.GetValue<string>())];

    public static IReadOnlyList<string> Steps(string slug) =>
        [.. Entries.Single(e => e!["slug"]!.GetValue<string>() == slug)!["steps"]!.AsArray().Select(s => s!.GetValue<string>())];
}
