namespace SpineMobility.Testing;

public static class TempFiles
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "spinemobility-tests");

    /// <summary>A folder laid out like content/, with the repo's illustrations and <paramref name="json"/> as its catalog; returns the catalog's path.</summary>
    public static string ContentFolder(string json)
    {
        var folder = NewPath("content", "");
        var illustrations = Path.Combine(folder, "illustrations");
        Directory.CreateDirectory(illustrations);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoFiles.Root, "content", "illustrations"), "*.svg"))
        {
            File.Copy(file, Path.Combine(illustrations, Path.GetFileName(file)));
        }

        var path = Path.Combine(folder, "exercises.json");
        File.WriteAllText(path, json);
        return path;
    }

    public static string NewPath(string prefix, string extension)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{prefix}-{Guid.NewGuid():N}{extension}");
    }
}
