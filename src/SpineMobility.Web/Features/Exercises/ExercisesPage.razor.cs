using Microsoft.AspNetCore.Components;

namespace SpineMobility.Web.Features.Exercises;

public partial class ExercisesPage
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private bool _loading;

    // The search box keeps its own text: the address follows it, never the other way round while typing,
    // so a slow round trip cannot overwrite letters typed meanwhile.
    private string? _searchText;
    private string? _searchInAddress;

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "region")]
    public string[]? RegionTags { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "position")]
    public string? PositionTag { get; set; }

    [SupplyParameterFromQuery(Name = "equipment")]
    public string? EquipmentTag { get; set; }

    /// <summary>Carried from the prerendered page into the interactive one, so the list is not fetched twice.</summary>
    [PersistentState]
    public List<Exercise>? Exercises { get; set; }

    /// <summary>The filter <see cref="Exercises"/> was loaded for, as a query string.</summary>
    [PersistentState]
    public string? LoadedFor { get; set; }

    private ExerciseFilter Filter { get; set; } = ExerciseFilter.All;

    private string Title => Filter.Regions.Count == 1 ? $"{Labels.Of(Filter.Regions[0])} exercises" : "Exercises";

    private string CountText => Exercises switch
    {
        null => "Loading exercises…",
        { Count: 1 } => "1 exercise",
        _ => $"{Exercises.Count} exercises",
    };

    protected override async Task OnParametersSetAsync()
    {
        Filter = ExerciseFilter.Parse(RegionTags, Query, PositionTag, EquipmentTag, out _errors);
        if (Filter.Query != _searchInAddress)
        {
            // The address changed from outside the box: a link, the back button, Clear filters.
            _searchText = Filter.Query;
            _searchInAddress = Filter.Query;
        }
        var key = Filter.ToQueryString();
        if (Exercises is not null && LoadedFor == key)
        {
            return;
        }

        _loading = true;
        try
        {
            Exercises = [.. await Catalog.ListAsync(Filter)];
            LoadedFor = key;
        }
        finally
        {
            _loading = false;
        }
    }

    private void OnSearchSettled(string? text)
    {
        _searchInAddress = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (_searchInAddress != Filter.Query)
        {
            Show(Filter with { Query = _searchInAddress }, replace: true);
        }
    }

    private void OnRegionsChanged(IReadOnlyCollection<Region>? regions) =>
        Show(Filter with { Regions = [.. Enum.GetValues<Region>().Where(r => regions?.Contains(r) == true)] });

    private void OnPositionChanged(StartingPosition? position) => Show(Filter with { Position = position });

    private void OnEquipmentChanged(Equipment? equipment) => Show(Filter with { Equipment = equipment });

    private void ClearFilters() => Show(ExerciseFilter.All);

    // Filters live in the URL so every view can be shared and bookmarked and the back button works;
    // typing replaces the entry instead of adding one per keystroke.
    private void Show(ExerciseFilter filter, bool replace = false) =>
        Navigation.NavigateTo("/exercises" + filter.ToQueryString(), replace: replace);

    private static string PositionText(StartingPosition? position) => position is { } p ? Labels.Of(p) : "";

    private static string EquipmentText(Equipment? equipment) => equipment is { } e ? Labels.Of(e) : "";
}
