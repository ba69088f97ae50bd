using System.Diagnostics;

namespace Grpc.Core;

/// <summary>Represents the status of a completed call: a code plus a human readable detail.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Status
{
    /// <summary>Default result of a successful call.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");

    /// <summary>Default result of a cancelled call.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    public Status(StatusCode statusCode, string detail)
        : this(statusCode, detail, null)
    {
    }

    /// <param name="debugException">Local-only diagnostic exception; never sent over the wire.</param>
    public Status(StatusCode statusCode, string detail, Exception? debugException)
    {
        StatusCode = statusCode;
        Detail = detail;
        DebugException = debugException;
    }

    public StatusCode StatusCode { get; }

    public string Detail { get; }

    /// <summary>Exception that caused this status locally, for diagnostics only (not transmitted to the peer).</summary>
    public Exception? DebugException { get; }

    public override string ToString()
    {
        var text = $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\"";
        return DebugException is null
            ? text + ")"
            : text + $", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
    }
}
