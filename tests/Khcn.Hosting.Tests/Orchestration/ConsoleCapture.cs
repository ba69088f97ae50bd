using System.Text;
using System.Text.RegularExpressions;

namespace Khcn.Hosting.Tests.Orchestration;

/// <summary>A console for the orchestrator under test: keeps every line and lets the test wait for one.</summary>
internal sealed class ConsoleCapture : TextWriter
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly StringBuilder _partial = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Add(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    /// <summary>The first line matching <paramref name="pattern"/> (waiting for it up to <paramref name="timeout"/>).</summary>
    public async Task<Match> WaitForAsync(string pattern, TimeSpan timeout, int skip = 0)
    {
        var regex = new Regex(pattern);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var match = _lines.Select(l => regex.Match(l)).Where(m => m.Success).Skip(skip).FirstOrDefault();
                if (match is not null)
                {
                    return match;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No line matched /{pattern}/ within {timeout}. Output:\n{string.Join('\n', Lines)}");
            }
        }
    }
}
