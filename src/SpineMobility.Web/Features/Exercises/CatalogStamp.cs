namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// The one row that says which catalog is in the database: the catalog sync counts <see cref="Version"/> up whenever it
/// changes anything, so a running instance finds out with one tiny read that another one synced a new catalog.
/// </summary>
public sealed class CatalogStamp
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public int Version { get; set; }
}
