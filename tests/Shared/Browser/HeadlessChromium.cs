namespace Khcn.Tests.Browser;

/// <summary>
/// A headless Chromium with one page, for tests of web pages: start it, drive <see cref="Page"/> (or the shortcuts
/// here), assert <see cref="Errors"/> is empty, dispose. Disposing kills the browser with all its processes.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly ChromiumProcess _process;
    private readonly CdpConnection _connection;

    private HeadlessChromium(ChromiumProcess process, CdpConnection connection, BrowserPage page)
    {
        _process = process;
        _connection = connection;
        Page = page;
    }

    public BrowserPage Page { get; }

    /// <inheritdoc cref="BrowserPage.Errors"/>
    public IReadOnlyList<BrowserError> Errors => Page.Errors;

    /// <summary>
    /// Launches Chromium (KHCN_CHROMIUM, else <c>chromium</c> on PATH; <see cref="ChromiumNotFoundException"/> when
    /// neither exists) and opens a blank page.
    /// </summary>
    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken = default)
    {
        var process = await ChromiumProcess.StartAsync(cancellationToken);
        CdpConnection? connection = null;
        try
        {
            connection = await CdpConnection.ConnectAsync(process.BrowserWebSocketUrl, cancellationToken);
            var page = await BrowserPage.OpenAsync(connection, cancellationToken);
            return new HeadlessChromium(process, connection, page);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            await process.DisposeAsync();
            throw;
        }
    }

    public Task NavigateAsync(string url, CancellationToken cancellationToken = default) =>
        Page.NavigateAsync(url, cancellationToken);

    public Task<T?> EvaluateAsync<T>(string expression, CancellationToken cancellationToken = default) =>
        Page.EvaluateAsync<T>(expression, cancellationToken);

    public Task WaitForAsync(string predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Page.WaitForAsync(predicate, timeout, cancellationToken);

    public Task ScreenshotAsync(string path, CancellationToken cancellationToken = default) =>
        Page.ScreenshotAsync(path, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // A browser that closes itself reaps its renderers; killed outright, they would linger as zombies wherever
        // PID 1 does not reap orphans (containers). The kill in ChromiumProcess stays as the safety net.
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _connection.SendAsync("Browser.close", cancellationToken: timeout.Token);
        }
        catch (Exception exception) when (exception is CdpException or OperationCanceledException)
        {
            // Closing drops the connection, sometimes before the answer: the exit below is what counts.
        }

        await _connection.DisposeAsync();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
    }
}
