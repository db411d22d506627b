using Microsoft.AspNetCore.Components;

namespace SpineMobility.Web.Features.Exercises;

public partial class ExercisesPage
{
    /// <summary>Cards on one page: a phone scrolls through a few screens of them, and a page stays small whatever the catalog holds.</summary>
    public const int PageSize = 24;

    /// <summary>The first cards are on the first screen, so their drawings load at once; the rest when scrolled to.</summary>
    private const int EagerFigures = 2;

    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private int _matches;
    private int _firstShown;

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "region")]
    public string[]? RegionTags { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "position")]
    public string? PositionTag { get; set; }

    [SupplyParameterFromQuery(Name = "equipment")]
    public string? EquipmentTag { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageText { get; set; }

    private ExerciseFilter Filter { get; set; } = ExerciseFilter.All;

    /// <summary>The exercises of this page only: what is not shown is never rendered.</summary>
    private List<Exercise> Shown { get; set; } = [];

    private int PageNumber { get; set; } = 1;

    private int PageCount => Math.Max(1, (_matches + PageSize - 1) / PageSize);

    private string Title => Filter.Regions.Count == 1 ? $"{Labels.Of(Filter.Regions[0])} exercises" : "Exercises";

    private string Description => Filter.Regions.Count == 1
        ? $"Gentle {Labels.Of(Filter.Regions[0]).ToLowerInvariant()} exercises with drawings, steps, doses and cautions: general exercise guidance for stiff necks and backs."
        : "Gentle mobility exercises for the neck, upper and lower back and hips, with drawings, steps, doses and cautions: general exercise guidance.";

    private string CountText => (_matches, PageCount) switch
    {
        (1, _) => "1 exercise",
        (_, 1) => $"{_matches} exercises",
        _ => $"{_matches} exercises · {_firstShown + 1}–{_firstShown + Shown.Count} shown",
    };

    protected override async Task OnParametersSetAsync()
    {
        Filter = ExerciseFilter.Parse(RegionTags, Query, PositionTag, EquipmentTag, out var errors);
        var matching = await Catalog.ListAsync(Filter);
        _matches = matching.Count;

        var problems = new Dictionary<string, string[]>(errors);
        PageNumber = CatalogPage.Parse(PageText, PageCount, out var pageProblem);
        if (pageProblem is not null)
        {
            problems["page"] = [pageProblem];
        }

        _errors = problems;
        _firstShown = (PageNumber - 1) * PageSize;
        Shown = [.. matching.Skip(_firstShown).Take(PageSize)];
    }

    private string PageHref(int page)
    {
        var query = Filter.ToQueryString();
        return page == 1 ? "/exercises" + query : $"/exercises{(query.Length == 0 ? "?" : query + "&")}page={page}";
    }
}
