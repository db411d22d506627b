using Microsoft.AspNetCore.Components;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Progress;

public partial class ProgressPage
{
    [Inject]
    private ProgressData Data { get; set; } = default!;

    [CascadingParameter]
    public Visitor? Visitor { get; set; }

    private ProgressSnapshot? Snapshot { get; set; }

    private SideBalance? Sides { get; set; }

    private IReadOnlyList<Safety.PainReport> Pain { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        if (Visitor is not null)
        {
            Snapshot = await Data.LoadAsync(Visitor);
            Sides = await Data.SidesAsync(Visitor, Snapshot.TimeZone);
            Pain = await Data.RecentPainAsync(Visitor);
        }
    }
}
