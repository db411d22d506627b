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

    /// <summary>The neutral drawing of an exercise without pictures (a user's own): one of the app's assets, not the catalog's.</summary>
    public const string NoPictureFile = "img/no-picture.svg";

    public const string NoPictureAlt = "No picture for this exercise: follow its steps.";

    public static Illustration NoPicture { get; } = new(NoPictureFile, NoPictureAlt, NoPictureFile, NoPictureAlt);

    public bool IsNoPicture => StartFile == NoPictureFile;

    public bool Exists => StartFile.Length > 0 && EndFile.Length > 0;

    public string StartUrl => "/" + StartFile;

    public string EndUrl => "/" + EndFile;
}
