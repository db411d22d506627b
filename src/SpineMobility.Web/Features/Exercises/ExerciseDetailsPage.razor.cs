using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SpineMobility.Web.Features.Exercises;

public partial class ExerciseDetailsPage
{
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public string Slug { get; set; } = "";

    [PersistentState]
    public Exercise? Exercise { get; set; }

    private string DoseText => Exercise is null ? "" : Exercise.PerSide ? $"{Exercise.Dose} on each side" : Exercise.Dose.ToString();

    protected override async Task OnParametersSetAsync()
    {
        if (Exercise?.Slug != Slug)
        {
            Exercise = null;
            Exercise = await Catalog.FindAsync(Slug);
        }

        if (Exercise is null)
        {
            // Renders the not-found page, with status 404 when this is the first request.
            Navigation.NotFound();
            return;
        }

        _breadcrumbs =
        [
            new("Exercises", "/exercises"),
            new(Exercise.Name, href: null, disabled: true),
        ];
    }
}
