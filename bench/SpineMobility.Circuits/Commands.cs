namespace SpineMobility.Circuits;

public static class Commands
{
    public const string Usage = """
        Headless Blazor Server circuits against a running SpineMobility (see bench/README.md).

          inspect --url URL [--settle S]         one circuit: first message sizes, JS calls, the rendered page
          open    --url URL --count N            N live circuits on a page, held, then closed
                  [--visitors V]                 browsers sharing them (default N: one each, fresh cookies)
                  [--parallel P]                 circuit starts in flight at once (default 8)
                  [--hold S]                     seconds to keep them open once all are up (default 10)
                  [--ready-file F]               written when all are up; deleting it ends the hold early
                  [--forwarded-for]              a distinct X-Forwarded-For address per visitor
                  [--server-pid PID]             also report the server's CPU and resident memory
          play    --url BASE --sessions N[,N..]  N playing sessions each round: builder Start, safety answers, player
                  [--minutes M]                  session length (default 90)
                  [--window S]                   seconds measured once all are playing (default 60)
                  [--parallel P]                 sessions set up at once (default 8)
                  [--ready-file F]               written when all of a round play; deleting it ends the window early
                  [--server-pid PID[,PID..]]     several: instances behind a balancer, CPU and memory each
                  [--forwarded-for]

        Time scale: start the app with Player__TimeScale=20 for play runs.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            return args switch
            {
                ["inspect", .. var rest] => await InspectCommand.RunAsync(new Options(rest), stop.Token),
                ["open", .. var rest] => await OpenCommand.RunAsync(new Options(rest), stop.Token),
                ["play", .. var rest] => await PlayCommand.RunAsync(new Options(rest), stop.Token),
                _ => throw new UsageException(args.Length == 0 ? "Which command?" : $"Unknown command '{args[0]}'."),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
