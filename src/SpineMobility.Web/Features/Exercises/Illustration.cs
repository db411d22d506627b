namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// The two drawn frames of an exercise, the starting and the end position, as SVG files under
/// content/illustrations, each with the words a screen reader says instead.
/// </summary>
/// <param name="StartFile">Relative to the content folder, e.g. "illustrations/cat-cow-start.svg".</param>
public sealed record Illustration(string StartFile, string StartAlt, string EndFile, string EndAlt)
{
    /// <summary>Where the app serves the files of the content folder's illustrations/.</summary>
    public const string Folder = "illustrations";

    /// <summary>What a stored exercise holds before its first sync: no pictures to show.</summary>
    public static Illustration None { get; } = new("", "", "", "");

    public bool Exists => StartFile.Length > 0 && EndFile.Length > 0;

    public string StartUrl => "/" + StartFile;

    public string EndUrl => "/" + EndFile;
}
