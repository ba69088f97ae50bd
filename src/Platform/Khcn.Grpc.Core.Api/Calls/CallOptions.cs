namespace Grpc.Core;

/// <summary>Options for a single call. Immutable; the With* methods return modified copies.</summary>
public readonly struct CallOptions
{
    public CallOptions(
        Metadata? headers = null,
        DateTime? deadline = null,
        CancellationToken cancellationToken = default,
        WriteOptions? writeOptions = null,
        ContextPropagationToken? propagationToken = null,
        CallCredentials? credentials = null)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
        PropagationToken = propagationToken;
        Credentials = credentials;
        IsWaitForReady = false;
    }

    private CallOptions(
        Metadata? headers,
        DateTime? deadline,
        CancellationToken cancellationToken,
        WriteOptions? writeOptions,
        ContextPropagationToken? propagationToken,
        CallCredentials? credentials,
        bool waitForReady)
        : this(headers, deadline, cancellationToken, writeOptions, propagationToken, credentials)
    {
        IsWaitForReady = waitForReady;
    }

    /// <summary>Headers to send at the start of the call.</summary>
    public Metadata? Headers { get; }

    /// <summary>Absolute UTC deadline; null means no deadline.</summary>
    public DateTime? Deadline { get; }

    public CancellationToken CancellationToken { get; }

    public WriteOptions? WriteOptions { get; }

    public ContextPropagationToken? PropagationToken { get; }

    public CallCredentials? Credentials { get; }

    /// <summary>Wait for the channel to become ready instead of failing fast.</summary>
    public bool IsWaitForReady { get; }

    public CallOptions WithHeaders(Metadata headers) =>
        new(headers, Deadline, CancellationToken, WriteOptions, PropagationToken, Credentials, IsWaitForReady);

    public CallOptions WithDeadline(DateTime deadline) =>
        new(Headers, deadline, CancellationToken, WriteOptions, PropagationToken, Credentials, IsWaitForReady);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) =>
        new(Headers, Deadline, cancellationToken, WriteOptions, PropagationToken, Credentials, IsWaitForReady);

    public CallOptions WithWriteOptions(WriteOptions writeOptions) =>
        new(Headers, Deadline, CancellationToken, writeOptions, PropagationToken, Credentials, IsWaitForReady);

    public CallOptions WithPropagationToken(ContextPropagationToken propagationToken) =>
        new(Headers, Deadline, CancellationToken, WriteOptions, propagationToken, Credentials, IsWaitForReady);

    public CallOptions WithCredentials(CallCredentials credentials) =>
        new(Headers, Deadline, CancellationToken, WriteOptions, PropagationToken, credentials, IsWaitForReady);

    public CallOptions WithWaitForReady(bool waitForReady = true) =>
        new(Headers, Deadline, CancellationToken, WriteOptions, PropagationToken, Credentials, waitForReady);
}
