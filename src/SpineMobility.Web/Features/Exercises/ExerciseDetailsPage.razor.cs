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

    private Exercise? Exercise { get; set; }

    /// <summary>
    /// The session builder with this exercise in the plan, for the parts of the spine it works and with
    /// the foam roller it needs; the builder's address format is described in Sessions/Planning/BuilderQuery.
    /// </summary>
    private string SessionLink
    {
        get
        {
            var parts = new List<string> { $"include={Uri.EscapeDataString(Exercise!.Slug)}" };
            parts.AddRange(Exercise.Regions.Where(r => r is Region.Cervical or Region.Thoracic or Region.Lumbar or Region.Hip).Select(r => $"focus={Tag.Of(r)}"));
            if (Exercise.Equipment == Equipment.FoamRollerOrBall)
            {
                parts.Add("equipment=true");
            }

            return "/session?" + string.Join('&', parts);
        }
    }

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
