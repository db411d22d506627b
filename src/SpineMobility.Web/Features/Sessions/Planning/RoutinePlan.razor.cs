using Microsoft.AspNetCore.Components;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

public partial class RoutinePlan
{
    private int? _swapping;
    private Routine? _alternativesFor;
    private readonly Dictionary<int, IReadOnlyList<Exercise>> _alternatives = [];

    [Parameter, EditorRequired]
    public Routine Routine { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<Exercise> Catalog { get; set; } = default!;

    /// <summary>Block index and the exercise chosen to replace it.</summary>
    [Parameter]
    public EventCallback<(int Index, Exercise Replacement)> OnSwap { get; set; }

    [Parameter]
    public EventCallback<int> OnRemove { get; set; }

    /// <summary>Block index and direction: -1 up, +1 down.</summary>
    [Parameter]
    public EventCallback<(int Index, int Direction)> OnMove { get; set; }

    private bool CanRemove => RoutineEditor.CanRemove(Routine);

    protected override void OnParametersSet()
    {
        // A new plan (after any change) closes the list of alternatives and needs them worked out afresh.
        if (!ReferenceEquals(_alternativesFor, Routine))
        {
            _alternativesFor = Routine;
            _alternatives.Clear();
            _swapping = null;
        }
    }

    private Exercise? ExerciseOf(RoutineBlock block) => Catalog.FirstOrDefault(e => e.Slug == block.Slug);

    private IReadOnlyList<Exercise> AlternativesOf(int index)
    {
        if (!_alternatives.TryGetValue(index, out var alternatives))
        {
            alternatives = RoutineEditor.Alternatives(Routine, index, Catalog);
            _alternatives[index] = alternatives;
        }

        return alternatives;
    }

    private void ToggleSwap(int index) => _swapping = _swapping == index ? null : index;

    private async Task Choose(int index, Exercise replacement)
    {
        _swapping = null;
        await OnSwap.InvokeAsync((index, replacement));
    }
}
