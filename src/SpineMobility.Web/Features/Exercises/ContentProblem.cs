namespace SpineMobility.Web.Features.Exercises;

/// <summary>One thing wrong with a content file, named so an author can find and fix it.</summary>
/// <param name="File">The content file, as the user configured or the app found it.</param>
/// <param name="Entry">Where in the file: "exercises[3] 'chin-tucks'", or "line 12, position 5" for malformed JSON.</param>
/// <param name="Field">The field at fault, e.g. "regions[1]"; empty when the problem is the entry or the file.</param>
public sealed record ContentProblem(string File, string Entry, string Field, string Message)
{
    public override string ToString()
    {
        var where = Entry.Length == 0 ? File : $"{File}: {Entry}";
        return Field.Length == 0 ? $"{where}: {Message}" : $"{where}, field '{Field}': {Message}";
    }
}
