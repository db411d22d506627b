using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SpineMobility.Web.Features.Exercises;

public static class ExerciseApi
{
    /// <summary>An exercise as the API shows it: the content's fields, without storage details.</summary>
    public sealed record ExerciseResponse(
        string Slug,
        string Name,
        string Summary,
        IReadOnlyList<Region> Regions,
        StartingPosition Position,
        Equipment Equipment,
        IReadOnlyList<MovementDirection> Directions,
        DoseResponse Dose,
        bool PerSide,
        IReadOnlyList<SessionPhase> Phases,
        Intensity Intensity,
        IReadOnlyList<string> Steps,
        IReadOnlyList<string> Cues,
        IReadOnlyList<string> Cautions)
    {
        public static ExerciseResponse From(Exercise e) => new(
            e.Slug, e.Name, e.Summary, e.Regions, e.Position, e.Equipment, e.Directions,
            new(e.Dose.Kind, e.Dose.MinSeconds, e.Dose.MaxSeconds, e.Dose.Reps, e.Dose.SecondsPerRep, e.Dose.ToString()),
            e.PerSide, e.Phases, e.Intensity, e.Steps, e.Cues, e.Cautions);
    }

    public sealed record DoseResponse(DoseKind Kind, int? MinSeconds, int? MaxSeconds, int? Reps, int? SecondsPerRep, string Text);

    public static IEndpointRouteBuilder MapExerciseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises").WithTags("Exercises");
        api.MapGet("/", ListAsync).WithName("ListExercises").WithSummary("Active exercises, filtered by region, text, position and equipment");
        api.MapGet("/{slug}", GetAsync).WithName("GetExercise").WithSummary("One active exercise by its slug")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExerciseResponse>>, ValidationProblem>> ListAsync(
        ExerciseCatalog catalog,
        [FromQuery(Name = "region"), Description("Regions, any of which an exercise must have: a tag (cervical, thoracic, lumbar, hip, full-body, beginner) or the everyday word (neck, upper back, lower back, hips). Repeat it or separate with commas.")] string[]? region,
        [Description("Words to search for in the name, summary, steps, cues, regions, position and equipment; best match first.")] string? q,
        [Description("The starting position: standing, seated, lying-on-back, lying-on-front, all-fours or kneeling.")] string? position,
        [Description("The equipment: none, foam-roller-or-ball, mat, wall or chair.")] string? equipment,
        CancellationToken cancellationToken)
    {
        var filter = ExerciseFilter.Parse(region, q, position, equipment, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The filter names something the catalog does not have.");
        }

        var exercises = await catalog.ListAsync(filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ExerciseResponse>>([.. exercises.Select(ExerciseResponse.From)]);
    }

    private static async Task<Results<Ok<ExerciseResponse>, ProblemHttpResult>> GetAsync(
        ExerciseCatalog catalog, [Description("The exercise's slug, e.g. chin-tucks.")] string slug, CancellationToken cancellationToken)
    {
        var exercise = await catalog.FindAsync(slug, cancellationToken);
        return exercise is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Exercise not found", detail: $"No exercise in the catalog has the slug '{slug}'.")
            : TypedResults.Ok(ExerciseResponse.From(exercise));
    }
}
