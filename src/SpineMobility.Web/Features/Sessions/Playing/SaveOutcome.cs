namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>How one save of a run went.</summary>
public enum SaveOutcome
{
    /// <summary>The database could not be written; the caller keeps its state and saves it with its next change.</summary>
    Failed,

    /// <summary>Committed, and the run's version counted up.</summary>
    Saved,

    /// <summary>
    /// The run had moved on since it was read (another instance saved it first): nothing of this save was written. The
    /// caller reads the run again and applies its change to what is there, or refuses it.
    /// </summary>
    Conflict,
}
