namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>The player's keyboard: the browser reports an action, this carries it out.</summary>
public static class PlayerKeys
{
    public const string Toggle = "toggle";
    public const string Skip = "skip";
    public const string Back = "back";

    public static Task Run(string action, LiveSession session) => action switch
    {
        Toggle => session.TogglePauseAsync(),
        Skip => session.SkipAsync(),
        Back => session.BackAsync(),
        _ => Task.CompletedTask,
    };
}
