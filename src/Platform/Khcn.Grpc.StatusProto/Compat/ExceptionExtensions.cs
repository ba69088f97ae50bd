using Google.Rpc;

namespace Grpc.StatusProto;

public static class ExceptionExtensions
{
    /// <summary>
    /// A DebugInfo detail describing <paramref name="exception"/>: its type and message as the detail and its stack
    /// trace lines, followed by those of up to <paramref name="innerDepth"/> inner exceptions.
    /// Only send this to trusted clients: stack traces reveal implementation details.
    /// </summary>
    public static DebugInfo ToRpcDebugInfo(this Exception exception, int innerDepth = 0)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var debugInfo = new DebugInfo { Detail = $"{exception.GetType().FullName}: {exception.Message}" };
        AddStackEntries(debugInfo, exception);

        var inner = exception.InnerException;
        for (var depth = 0; depth < innerDepth && inner is not null; depth++, inner = inner.InnerException)
        {
            debugInfo.StackEntries.Add($"InnerException: {inner.GetType().FullName}: {inner.Message}");
            AddStackEntries(debugInfo, inner);
        }

        return debugInfo;
    }

    private static void AddStackEntries(DebugInfo debugInfo, Exception exception)
    {
        if (exception.StackTrace is { } stackTrace)
        {
            debugInfo.StackEntries.Add(stackTrace.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}
