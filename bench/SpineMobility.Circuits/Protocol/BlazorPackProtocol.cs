using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace SpineMobility.Circuits.Protocol;

/// <summary>
/// Blazor Server's hub speaks the MessagePack hub protocol under the name "blazorpack". This is the
/// client's MessagePack protocol under that name, counting the bytes of every message each way so a
/// run can report what the first messages of a page cost.
/// </summary>
public sealed class BlazorPackProtocol(WireCounter counter) : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var before = input.Length;
        if (!_inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        counter.Received(message!, (int)(before - input.Length));
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output)
    {
        var bytes = _inner.GetMessageBytes(message);
        counter.Sent(message, bytes.Length);
        output.Write(bytes.Span);
    }

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message)
    {
        var bytes = _inner.GetMessageBytes(message);
        counter.Sent(message, bytes.Length);
        return bytes;
    }
}

/// <summary>Bytes on the wire per hub method, each way, for one connection.</summary>
public sealed class WireCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Count, long Bytes, int First)> _sent = [];
    private readonly Dictionary<string, (int Count, long Bytes, int First)> _received = [];

    public long SentBytes { get; private set; }

    public long ReceivedBytes { get; private set; }

    /// <summary>Messages the client could not bind to a handler (wrong argument count or types).</summary>
    public int BindingFailures { get; private set; }

    public string? LastBindingFailure { get; private set; }

    public void Sent(HubMessage message, int bytes)
    {
        lock (_gate)
        {
            SentBytes += bytes;
            Add(_sent, NameOf(message), bytes);
        }
    }

    public void Received(HubMessage message, int bytes)
    {
        lock (_gate)
        {
            ReceivedBytes += bytes;
            if (message is InvocationBindingFailureMessage failure)
            {
                BindingFailures++;
                LastBindingFailure = $"{failure.Target}: {failure.BindingFailure.SourceException.Message}";
            }

            Add(_received, NameOf(message), bytes);
        }
    }

    /// <summary>Size of the first message sent to a hub method (StartCircuit, UpdateRootComponents), or 0.</summary>
    public int FirstSent(string target)
    {
        lock (_gate)
        {
            return _sent.GetValueOrDefault(target).First;
        }
    }

    public IReadOnlyDictionary<string, (int Count, long Bytes, int First)> SentByTarget()
    {
        lock (_gate)
        {
            return new Dictionary<string, (int, long, int)>(_sent);
        }
    }

    public IReadOnlyDictionary<string, (int Count, long Bytes, int First)> ReceivedByTarget()
    {
        lock (_gate)
        {
            return new Dictionary<string, (int, long, int)>(_received);
        }
    }

    private static void Add(Dictionary<string, (int Count, long Bytes, int First)> table, string name, int bytes)
    {
        var (count, total, first) = table.GetValueOrDefault(name);
        table[name] = (count + 1, total + bytes, count == 0 ? bytes : first);
    }

    private static string NameOf(HubMessage message) => message switch
    {
        InvocationBindingFailureMessage f => f.Target,
        HubMethodInvocationMessage i => i.Target,
        CompletionMessage => "(completion)",
        PingMessage => "(ping)",
        CloseMessage => "(close)",
        _ => $"({message.GetType().Name})",
    };
}
