namespace Khcn.Data.Audit;

/// <summary>
/// Who is writing through which call, for the audit rows of the writes that call makes. Ambient (AsyncLocal) because
/// the writes happen deep inside use cases that should not carry it; set per gRPC call by the audit interceptor.
/// Writes made while no call is current (seed loading, migrations, background work) are not audited.
/// </summary>
public sealed class AuditCall
{
    public const string AnonymousActor = "anonymous";

    private static readonly AsyncLocal<AuditCall?> Ambient = new();

    public AuditCall(string actor, string clientId, string method, string traceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Actor = actor;
        ClientId = clientId ?? "";
        Method = method ?? "";
        TraceId = traceId ?? "";
    }

    /// <summary>The call the current flow of execution belongs to; null outside any call.</summary>
    public static AuditCall? Current => Ambient.Value;

    public string Actor { get; }

    public string ClientId { get; }

    public string Method { get; }

    public string TraceId { get; }

    /// <summary>
    /// The request_id of the message being handled. Settable because a client-streaming call (ImportTasks) handles one
    /// message after another on the same call, each with its own request_id.
    /// </summary>
    public string RequestId { get; set; } = "";

    /// <summary>Makes <paramref name="call"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(AuditCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var previous = Ambient.Value;
        Ambient.Value = call;
        return new Restore(previous);
    }

    private sealed class Restore(AuditCall? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
