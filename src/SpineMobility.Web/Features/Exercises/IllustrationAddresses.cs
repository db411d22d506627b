using System.Collections.Concurrent;
using System.Security.Cryptography;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// The address a page links a drawing by: its path with a fingerprint of its content ("?v=…"), so browsers (and the
/// service worker) may keep it for a year and a corrected drawing, having another fingerprint, is fetched at once.
/// </summary>
public sealed class IllustrationAddresses(string contentDirectory)
{
    private readonly ConcurrentDictionary<string, string?> _fingerprints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DrawingSize> _sizes = new(StringComparer.Ordinal);

    public static IllustrationAddresses FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
        new(Path.GetDirectoryName(AppPaths.ExercisesFile(configuration, environment)) ?? environment.ContentRootPath);

    /// <summary>"/illustrations/cat-cow-start.svg?v=3f9a0c1d2e" for "illustrations/cat-cow-start.svg"; without "?v" when the file is missing.</summary>
    public string Of(string file) => Fingerprint(file) is { } fingerprint ? $"/{file}?v={fingerprint}" : "/" + file;

    /// <summary>The first 10 hex digits of the file's SHA-256, read once (the drawings change only with a new release).</summary>
    public string? Fingerprint(string file) => _fingerprints.GetOrAdd(file, f =>
    {
        var path = Path.Combine(contentDirectory, f);
        return File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..10] : null;
    });

    /// <summary>
    /// The drawing's shape from its viewBox, read once; <see cref="DrawingSize.Standard"/> when the file is missing or
    /// says nothing readable (the content check names what is wrong with such a file).
    /// </summary>
    public DrawingSize Size(string file) => _sizes.GetOrAdd(file, f => IllustrationFile.Size(contentDirectory, f) ?? DrawingSize.Standard);
}
