namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// An exercise a signed-in user wrote for their own routines, stored as the catalog stores content: one exercise
/// object of content/exercises.json's format, checked by the same validator. Only its owner's routines, and the
/// routines they share, can show it.
/// </summary>
public sealed class OwnExercise
{
    /// <summary>At most this many per account, so one account cannot fill the database.</summary>
    public const int MaxPerAccount = 100;

    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>How plans and routines name it in place of a catalog slug (<see cref="OwnExerciseKey"/>).</summary>
    public required string Key { get; set; }

    /// <summary>Kept beside the content for lists, which need not read every exercise.</summary>
    public required string Name { get; set; }

    /// <summary>The exercise in the catalog's JSON format, as the validator accepted it.</summary>
    public required string Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Set when the owner deleted it while routines still used it: like a retired catalog exercise, it is gone from
    /// their list and the builder but stays playable in those routines, and goes for good with the last of them.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
