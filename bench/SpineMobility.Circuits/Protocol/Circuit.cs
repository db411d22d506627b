using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Circuits.Rendering;

namespace SpineMobility.Circuits.Protocol;

/// <summary>
/// One interactive Blazor Server circuit, driven as blazor.web.js drives it: connect to <c>/_blazor</c>
/// with "blazorpack", StartCircuit with the page's state, UpdateRootComponents with its markers,
/// acknowledge every render batch, answer every JS call, dispatch events to the renderer's interop
/// object, and send the disconnect beacon when closed.
/// </summary>
public sealed class Circuit : IAsyncDisposable
{
    private readonly Visitor _visitor;
    private readonly PrerenderedPage _page;
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, TaskCompletionSource<string?>> _dotNetCalls = [];
    private readonly Dictionary<long, string> _jsObjects = [];
    private readonly List<string> _errors = [];
    private readonly List<int> _batchSizes = [];
    private long _nextJsObject = 1;
    private long _nextCallId = 1;
    private long _rendererInterop = -1;
    private TaskCompletionSource _renderSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    public Circuit(Visitor visitor, PrerenderedPage page, bool trackPage)
    {
        _visitor = visitor;
        _page = page;
        Page = trackPage ? new RenderedPage() : null;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(visitor.BaseAddress, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.Cookies = visitor.Cookies;
                options.Headers["Origin"] = visitor.Origin;
                if (visitor.ForwardedFor is not null)
                {
                    options.Headers["X-Forwarded-For"] = visitor.ForwardedFor;
                }
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol(Wire));
        _connection = builder.Build();
        _connection.Closed += error =>
        {
            ClosedAt ??= Stopwatch.GetTimestamp();
            CloseError = error?.Message;
            _firstRender.TrySetException(new InvalidOperationException("The connection closed before the first render" + (error is null ? "." : $": {error.Message}")));
            Signal();
            return Task.CompletedTask;
        };

        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], OnRenderBatchAsync, this);
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync, this);
        _connection.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], OnEndInvokeDotNet, this);
        _connection.On("JS.AttachComponent", [typeof(int), typeof(string)], OnAttachComponent, this);
        _connection.On("JS.EndUpdateRootComponents", [typeof(long)], (_, _) => Task.CompletedTask, this);
        _connection.On("JS.EndLocationChanging", [typeof(int), typeof(bool)], (_, _) => Task.CompletedTask, this);
        _connection.On("JS.Error", [typeof(string)], OnError, this);
        _connection.On<string, string, string, bool>("JS.SavePersistedState", (_, _, _) => true);
    }

    public WireCounter Wire { get; } = new();

    /// <summary>The rendered page, when this circuit keeps one (to find and press buttons).</summary>
    public RenderedPage? Page { get; }

    public string? CircuitId { get; private set; }

    public int FirstRenderBatchBytes { get; private set; }

    public int RenderBatches { get; private set; }

    public int LargestRenderBatchBytes { get; private set; }

    public long RenderBatchBytes { get; private set; }

    /// <summary>Sizes of the first 50 render batches, in the order they came.</summary>
    public IReadOnlyList<int> RenderBatchSizes
    {
        get
        {
            lock (_gate)
            {
                return [.. _batchSizes];
            }
        }
    }

    public int JsCalls { get; private set; }

    /// <summary>Stopwatch timestamps: connect started, first render batch acknowledged, connection closed.</summary>
    public long StartedAt { get; private set; }

    public long InteractiveAt { get; private set; }

    /// <summary>When the latest render batch came: once a page has settled, when its first render finished.</summary>
    public long LastRenderAt { get; private set; }

    public long? ClosedAt { get; private set; }

    public string? CloseError { get; private set; }

    /// <summary>Messages the server sent with JS.Error, e.g. "Circuit has been shut down due to error."</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Set when the disconnect beacon was not taken: the server then keeps the circuit for a while.</summary>
    public bool DisconnectRefused { get; private set; }

    /// <summary>Every JS call the server makes, with the time it arrived; the answer is chosen by <see cref="Answer"/>.</summary>
    public event Action<Circuit, JsCall>? JsCalled;

    /// <summary>Chooses the result of a JS call; null leaves it to the defaults of <see cref="JsAnswers"/>.</summary>
    public Func<JsCall, JsonNode?>? Answer { get; set; }

    /// <summary>The last navigation the server asked for (NavigationManager.NavigateTo).</summary>
    public string? NavigatedTo { get; private set; }

    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        StartedAt = Stopwatch.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await _connection.StartAsync(limit.Token);
        var baseUri = _visitor.BaseAddress.ToString();
        CircuitId = await _connection.InvokeAsync<string?>("StartCircuit", baseUri, _page.Address.ToString(), "[]", _page.State, limit.Token);
        if (string.IsNullOrEmpty(CircuitId))
        {
            throw new InvalidOperationException("StartCircuit returned no circuit id: the server refused the circuit.");
        }

        await _connection.SendAsync("UpdateRootComponents", _page.AddOperations(), _page.State, limit.Token);
        await _firstRender.Task.WaitAsync(limit.Token);
    }

    /// <summary>Waits until the rendered page shows what <paramref name="probe"/> looks for.</summary>
    public async Task<T> WaitForAsync<T>(Func<RenderedPage, T?> probe, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        var page = Page ?? throw new InvalidOperationException("This circuit does not keep its rendered page.");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (probe(page) is { } found)
                {
                    return found;
                }

                signal = _renderSignal.Task;
            }

            if (IsClosed)
            {
                throw new InvalidOperationException("The circuit closed" + (Errors.Count > 0 ? $": {Errors[0]}" : CloseError is null ? "." : $": {CloseError}"));
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for the page to show what was expected.");
            }

            await Task.WhenAny(signal, Task.Delay(250, cancellationToken));
        }
    }

    /// <summary>Waits for the server to navigate this page somewhere matching <paramref name="match"/>.</summary>
    public async Task<string> WaitForNavigationAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (NavigatedTo is { } uri && match(uri))
                {
                    return uri;
                }

                signal = _renderSignal.Task;
            }

            if (IsClosed)
            {
                throw new InvalidOperationException("The circuit closed" + (Errors.Count > 0 ? $": {Errors[0]}" : "."));
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for a navigation.");
            }

            await Task.WhenAny(signal, Task.Delay(250, cancellationToken));
        }
    }

    /// <summary>Takes the rendered page's lock while reading it: render batches change it from another thread.</summary>
    public T Read<T>(Func<RenderedPage, T> read)
    {
        lock (_gate)
        {
            return read(Page!);
        }
    }

    public Task ClickAsync(ElementNode element, CancellationToken cancellationToken) =>
        DispatchAsync(element, "click", new JsonObject
        {
            ["type"] = "click", ["detail"] = 1, ["screenX"] = 0, ["screenY"] = 0, ["clientX"] = 0, ["clientY"] = 0,
            ["offsetX"] = 0, ["offsetY"] = 0, ["pageX"] = 0, ["pageY"] = 0, ["movementX"] = 0, ["movementY"] = 0,
            ["button"] = 0, ["buttons"] = 0, ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false,
        }, cancellationToken);

    public Task ChangeAsync(ElementNode element, JsonNode? value, CancellationToken cancellationToken) =>
        DispatchAsync(element, "change", new JsonObject { ["type"] = "change", ["value"] = value }, cancellationToken);

    /// <summary>Dispatches a browser event to the handler the server attached to <paramref name="element"/>.</summary>
    public async Task DispatchAsync(ElementNode element, string eventName, JsonObject eventArgs, CancellationToken cancellationToken)
    {
        ulong handler;
        lock (_gate)
        {
            if (!element.Events.TryGetValue(eventName, out handler))
            {
                throw new InvalidOperationException($"<{element.Name}> has no {eventName} handler.");
            }
        }

        var descriptor = new JsonObject { ["eventHandlerId"] = handler, ["eventName"] = eventName, ["eventFieldInfo"] = null };
        await InvokeDotNetAsync("DispatchEventAsync", new JsonArray(descriptor, eventArgs), cancellationToken);
    }

    private async Task InvokeDotNetAsync(string method, JsonArray args, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _rendererInterop) < 0)
        {
            throw new InvalidOperationException("The server has not attached its renderer interop object yet.");
        }

        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _dotNetCalls[callId] = done;
        }

        await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, method, _rendererInterop, args.ToJsonString(), cancellationToken);
        var failure = await done.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        if (failure is not null)
        {
            throw new InvalidOperationException($"{method} failed on the server: {failure}");
        }
    }

    private async Task OnRenderBatchAsync(object?[] args, object state)
    {
        var batchId = (long)args[0]!;
        var data = (byte[])args[1]!;
        string? error = null;
        lock (_gate)
        {
            RenderBatches++;
            RenderBatchBytes += data.Length;
            if (_batchSizes.Count < 50)
            {
                _batchSizes.Add(data.Length);
            }
            LargestRenderBatchBytes = Math.Max(LargestRenderBatchBytes, data.Length);
            if (RenderBatches == 1)
            {
                FirstRenderBatchBytes = data.Length;
            }

            try
            {
                Page?.Apply(data);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidCastException or ArgumentOutOfRangeException)
            {
                // A browser reports a batch it cannot apply; so does this client, and the server ends the circuit.
                error = $"The client could not apply render batch {batchId}: {e.Message}";
                _errors.Add(error);
            }
        }

        await _connection.SendAsync("OnRenderCompleted", batchId, error);
        LastRenderAt = Stopwatch.GetTimestamp();
        if (InteractiveAt == 0)
        {
            InteractiveAt = Stopwatch.GetTimestamp();
        }

        _firstRender.TrySetResult();
        Signal();
    }

    private async Task OnBeginInvokeJSAsync(object?[] args, object state)
    {
        var call = new JsCall(
            Stopwatch.GetTimestamp(), (long)args[0]!, (string)args[1]!, (string?)args[2] ?? "[]",
            (JsResultType)(int)args[3]!, (long)args[4]!, TargetModule((long)args[4]!));
        JsCalls++;
        JsonNode? result;
        try
        {
            result = ChooseResult(call);
            JsCalled?.Invoke(this, call);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            if (call.AsyncHandle != 0)
            {
                await _connection.SendAsync("EndInvokeJSFromDotNet", call.AsyncHandle, false, new JsonArray(call.AsyncHandle, false, e.Message).ToJsonString());
            }

            return;
        }

        if (call.AsyncHandle != 0)
        {
            await _connection.SendAsync("EndInvokeJSFromDotNet", call.AsyncHandle, true, new JsonArray(call.AsyncHandle, true, result).ToJsonString());
        }

        Signal();
    }

    private JsonNode? ChooseResult(JsCall call)
    {
        switch (call.Identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                // [rendererId, {"__dotNetObject": id}, ...]: the object that receives DispatchEventAsync.
                var args = JsonNode.Parse(call.ArgsJson)!.AsArray();
                var id = args.OfType<JsonObject>().Select(a => a["__dotNetObject"]).FirstOrDefault(a => a is not null);
                Interlocked.Exchange(ref _rendererInterop, id is null ? -1 : (long)id);
                return null;
            case "Blazor._internal.navigationManager.navigateTo":
                lock (_gate)
                {
                    NavigatedTo = (string?)JsonNode.Parse(call.ArgsJson)![0];
                }

                return null;
        }

        if (call.ResultType == JsResultType.JSObjectReference)
        {
            var objectId = Interlocked.Increment(ref _nextJsObject);
            lock (_gate)
            {
                _jsObjects[objectId] = call.Identifier == "import" ? (string?)JsonNode.Parse(call.ArgsJson)![0] ?? "" : call.Identifier;
            }

            return new JsonObject { ["__jsObjectId"] = objectId };
        }

        return call.ResultType == JsResultType.JSVoidResult ? null : Answer?.Invoke(call) ?? JsAnswers.Default(call);
    }

    private string? TargetModule(long targetInstanceId)
    {
        lock (_gate)
        {
            return _jsObjects.GetValueOrDefault(targetInstanceId);
        }
    }

    private Task OnEndInvokeDotNet(object?[] args, object state)
    {
        var callId = (string)args[0]!;
        var succeeded = (bool)args[1]!;
        TaskCompletionSource<string?>? done;
        lock (_gate)
        {
            _dotNetCalls.Remove(callId, out done);
        }

        done?.TrySetResult(succeeded ? null : (string?)args[2] ?? "failed");
        return Task.CompletedTask;
    }

    private Task OnAttachComponent(object?[] args, object state)
    {
        lock (_gate)
        {
            Page?.AttachRoot((int)args[0]!);
        }

        return Task.CompletedTask;
    }

    private Task OnError(object?[] args, object state)
    {
        lock (_gate)
        {
            _errors.Add((string?)args[0] ?? "(no message)");
        }

        Signal();
        return Task.CompletedTask;
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _renderSignal;
            _renderSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await _connection.StopAsync();
            if (CircuitId is not null)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                DisconnectRefused = !await _visitor.DisconnectAsync(CircuitId, limit.Token);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // The server may already be gone; closing is best effort.
            DisconnectRefused = true;
        }

        await _connection.DisposeAsync();
    }
}

/// <summary>A JS call the server made: <see cref="Module"/> is the imported module when the call targets one.</summary>
public sealed record JsCall(long ReceivedAt, long AsyncHandle, string Identifier, string ArgsJson, JsResultType ResultType, long TargetInstanceId, string? Module)
{
    public JsonArray Arguments() => JsonNode.Parse(ArgsJson)?.AsArray() ?? [];
}

public enum JsResultType
{
    Default = 0,
    JSObjectReference = 1,
    JSStreamReference = 2,
    JSVoidResult = 3,
}
