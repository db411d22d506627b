namespace SpineMobility.Testing;

public static class TempFiles
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "spinemobility-tests");

    public static string NewPath(string prefix, string extension)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{prefix}-{Guid.NewGuid():N}{extension}");
    }
}
