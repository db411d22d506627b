using Microsoft.AspNetCore.Components;
using MudBlazor;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Programs;

public partial class OwnExercisePage
{
    private OwnExerciseForm? _form;
    private OwnExerciseProblems _problems = OwnExerciseProblems.None;
    private string _title = "";
    private bool _saving;
    private bool _confirmDelete;
    private List<BreadcrumbItem> _breadcrumbs = [];

    /// <summary>The exercise's key; none for a new one.</summary>
    [Parameter]
    public string? Key { get; set; }

    /// <summary>Where to go once it is saved: the builder it was opened from, with its plan.</summary>
    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    [CascadingParameter]
    public Visitor? Visitor { get; set; }

    [Inject] private OwnExerciseStore Store { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private bool IsNew => Key is null;

    private string BackHref => LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl! : "/routines/exercises";

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs = [new("My routines", "/routines"), new("My exercises", "/routines/exercises"), new(IsNew ? "New" : "Edit", href: null, disabled: true)];
        if (Visitor?.UserId is not { } userId || _form is not null)
        {
            return;
        }

        if (IsNew)
        {
            _form = new OwnExerciseForm();
            return;
        }

        // Someone else's exercise, or a key that is not one, is as absent as one that never was.
        if (await Store.GetAsync(userId, Key!) is not { } exercise)
        {
            Navigation.NotFound();
            return;
        }

        _title = exercise.Name;
        _form = OwnExerciseForm.From(exercise);
    }

    private async Task SaveAsync()
    {
        if (_saving || _form is null || Visitor?.UserId is not { } userId)
        {
            return;
        }

        _saving = true;
        try
        {
            var (key, problems) = await Store.SaveAsync(userId, Key, _form);
            _problems = new OwnExerciseProblems(problems);
            if (key is not null)
            {
                Navigation.NavigateTo(LocalUrl.IsLocal(ReturnUrl) ? ReturnUrl! : "/routines/exercises");
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (Visitor?.UserId is not { } userId || Key is null)
        {
            return;
        }

        var deletion = await Store.DeleteAsync(userId, Key);
        Navigation.NavigateTo($"/routines/exercises?deleted={Uri.EscapeDataString(_title)}&kept={deletion.KeptFor.Count}");
    }
}
