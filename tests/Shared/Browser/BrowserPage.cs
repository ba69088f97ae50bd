using System.Collections.Concurrent;
using System.Text.Json;

namespace Khcn.Tests.Browser;

/// <summary>
/// One tab, driven through a flat DevTools session: navigate, evaluate, wait, screenshot. It records every error the
/// page reports (<see cref="Errors"/>) so a test can assert the page ran cleanly.
/// </summary>
public sealed class BrowserPage
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions ValueOptions = new(JsonSerializerDefaults.Web);

    private readonly CdpConnection _connection;
    private readonly string _sessionId;
    private readonly ConcurrentQueue<BrowserError> _errors = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _loads = new();

    private BrowserPage(CdpConnection connection, string sessionId)
    {
        _connection = connection;
        _sessionId = sessionId;
        connection.EventReceived += OnEvent;
    }

    /// <summary>Errors the page reported so far, oldest first.</summary>
    public IReadOnlyList<BrowserError> Errors => _errors.ToArray();

    /// <summary>Opens a new about:blank tab with a desktop-sized viewport.</summary>
    public static async Task<BrowserPage> OpenAsync(CdpConnection connection, CancellationToken cancellationToken = default)
    {
        var target = await connection.SendAsync("Target.createTarget", new { url = "about:blank" }, cancellationToken: cancellationToken);
        var targetId = target.GetProperty("targetId").GetString();
        var attached = await connection.SendAsync(
            "Target.attachToTarget", new { targetId, flatten = true }, cancellationToken: cancellationToken);
        var page = new BrowserPage(connection, attached.GetProperty("sessionId").GetString()!);
        await page.SendAsync("Page.enable", null, cancellationToken);
        await page.SendAsync("Page.setLifecycleEventsEnabled", new { enabled = true }, cancellationToken);
        await page.SendAsync("Runtime.enable", null, cancellationToken);
        await page.SendAsync("Log.enable", null, cancellationToken);
        await page.SetViewportAsync(1400, 900, cancellationToken);
        return page;
    }

    public Task SetViewportAsync(int width, int height, CancellationToken cancellationToken = default) =>
        SendAsync(
            "Emulation.setDeviceMetricsOverride",
            new { width, height, deviceScaleFactor = 1, mobile = false },
            cancellationToken);

    /// <summary>
    /// Navigates and waits for the load event; a change of only the #fragment is a same-document navigation, which
    /// has no load event and completes at once.
    /// </summary>
    public async Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        var navigation = await SendAsync("Page.navigate", new { url }, cancellationToken);
        if (navigation.TryGetProperty("errorText", out var errorText) && errorText.GetString() is { Length: > 0 } error)
        {
            throw new InvalidOperationException($"Navigation to {url} failed: {error}");
        }

        if (!navigation.TryGetProperty("loaderId", out var loaderId) || loaderId.GetString() is not { Length: > 0 } loader)
        {
            return;
        }

        try
        {
            await LoadSignal(loader).Task.WaitAsync(LoadTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{url} did not finish loading within {LoadTimeout}.");
        }
        finally
        {
            _loads.TryRemove(loader, out _);
        }
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> in the page (awaiting it when it is a promise) and returns its value
    /// converted from JSON; undefined gives default.
    /// </summary>
    public async Task<T?> EvaluateAsync<T>(string expression, CancellationToken cancellationToken = default)
    {
        var evaluation = await SendAsync(
            "Runtime.evaluate",
            new { expression, returnByValue = true, awaitPromise = true, userGesture = true },
            cancellationToken);
        if (evaluation.TryGetProperty("exceptionDetails", out var details))
        {
            throw new JavaScriptException($"{Describe(details)}\n  while evaluating: {expression}");
        }

        var result = evaluation.GetProperty("result");
        return result.TryGetProperty("value", out var value) ? value.Deserialize<T>(ValueOptions) : default;
    }

    /// <summary>Polls until the JavaScript <paramref name="predicate"/> is truthy; an expression that throws counts as false.</summary>
    public async Task WaitForAsync(string predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var guarded = $"(() => {{ try {{ return !!({predicate}); }} catch {{ return false; }} }})()";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!await EvaluateAsync<bool>(guarded, deadline.Token))
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var errors = Errors.Count == 0 ? "none" : string.Join("\n  ", Errors);
            throw new TimeoutException($"Waited {timeout} for: {predicate}\n  page errors: {errors}");
        }
    }

    /// <summary>Saves the viewport as a PNG, creating the folder if needed.</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken = default)
    {
        var shot = await SendAsync("Page.captureScreenshot", new { format = "png" }, cancellationToken);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, shot.GetProperty("data").GetBytesFromBase64(), cancellationToken);
    }

    /// <summary>Sends a command to this page's session (for what the helpers above do not cover).</summary>
    public Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(method, parameters, _sessionId, cancellationToken);

    private TaskCompletionSource LoadSignal(string loaderId) =>
        _loads.GetOrAdd(loaderId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void OnEvent(CdpEvent cdpEvent)
    {
        if (cdpEvent.SessionId != _sessionId)
        {
            return;
        }

        var parameters = cdpEvent.Parameters;
        switch (cdpEvent.Method)
        {
            case "Page.lifecycleEvent" when parameters.GetProperty("name").GetString() == "load":
                // The event can beat Page.navigate's answer: the signal is created by whichever comes first.
                LoadSignal(parameters.GetProperty("loaderId").GetString()!).TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                var details = parameters.GetProperty("exceptionDetails");
                _errors.Enqueue(new BrowserError("exception", Describe(details), OptionalString(details, "url")));
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert":
                var text = string.Join(' ', parameters.GetProperty("args").EnumerateArray().Select(RemoteObjectText));
                _errors.Enqueue(new BrowserError("console", text, null));
                break;
            case "Log.entryAdded":
                var entry = parameters.GetProperty("entry");
                if (entry.GetProperty("level").GetString() == "error")
                {
                    _errors.Enqueue(new BrowserError(
                        entry.GetProperty("source").GetString() ?? "log", entry.GetProperty("text").GetString() ?? "", OptionalString(entry, "url")));
                }

                break;
        }
    }

    private static string Describe(JsonElement exceptionDetails)
    {
        if (exceptionDetails.TryGetProperty("exception", out var exception) &&
            exception.TryGetProperty("description", out var description))
        {
            return description.GetString() ?? "";
        }

        return OptionalString(exceptionDetails, "text") ?? "unknown error";
    }

    private static string RemoteObjectText(JsonElement remoteObject) =>
        remoteObject.TryGetProperty("value", out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : OptionalString(remoteObject, "description") ?? remoteObject.GetProperty("type").GetString()!;

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
