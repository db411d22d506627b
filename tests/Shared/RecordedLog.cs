using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace SpineMobility.Testing;

/// <summary>
/// What the app wrote to its log, as Serilog gave it to its sinks (the app reads sinks from its services):
/// register with <c>services.AddSingleton&lt;ILogEventSink&gt;(log)</c>.
/// </summary>
public sealed class RecordedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>Every line as it would be printed: the message, then the exception with its stack trace, if any.</summary>
    public string Text => string.Join("\n", Events.Select(e => $"{e.Level} {e.RenderMessage(CultureInfo.InvariantCulture)} {e.Exception}"));

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
