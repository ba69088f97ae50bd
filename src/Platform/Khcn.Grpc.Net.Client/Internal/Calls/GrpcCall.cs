using System.Diagnostics;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client.Diagnostics;
using Grpc.Net.Client.Internal.Credentials;
using Grpc.Net.Client.Internal.Http;
using Khcn.Grpc.Protocol;
using Microsoft.Extensions.Logging;

namespace Grpc.Net.Client.Internal.Calls;

/// <summary>
/// One HTTP/2 exchange of a gRPC call (one attempt when retrying): sends the request, validates the response
/// headers, reads messages and the final status. The status is set exactly once; whichever of server status,
/// deadline, cancellation or local error comes first wins, and an unfinished stream is then reset.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IResponseCall<TResponse>
    where TRequest : class
    where TResponse : class
{
    private const int NotCancelled = 0;
    private const int CancelledByCaller = 1;
    private const int CancelledByDispose = 2;
    private const int FinishingState = 1;
    private const int FinishedState = 2;

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly GrpcMethodInfo _methodInfo;
    private readonly CallOptions _options;
    private readonly DateTime _deadline;
    private readonly int _previousAttempts;
    private readonly CancellationTokenSource _cts = new();

    private CancellationTokenRegistration _callerCancellation;
    private int _cancelReason;
    private bool _deadlineTimerArmed;
    private Task<bool>? _commitTask;
    private Task<Metadata>? _responseHeadersTask;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private Stream? _responseStream;
    private StreamingRequestContent? _streamingContent;
    private ClientStreamWriter<TRequest, TResponse>? _writer;
    private Activity? _activity;
    private int _finished;
    private Status _status;
    private Metadata? _trailers;
    private HttpHeaders? _trailerHeaders;
    private MessageReadOptions? _readOptions;
    private bool _readInProgress;
    private long _callStartTimestamp;
    private int _durationRecorded;

    /// <param name="isRetryAttempt">True for an attempt of a retried call: the retrying call measures the call's duration
    /// on its final attempt (<see cref="MeasureAsCall"/>), so a retried call counts once, not once per attempt.</param>
    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, GrpcMethodInfo methodInfo, CallOptions options, int previousAttempts = 0, bool isRetryAttempt = false)
    {
        _channel = channel;
        _method = method;
        _methodInfo = methodInfo;
        _options = options;
        _previousAttempts = previousAttempts;
        _deadline = NormalizeDeadline(options.Deadline);
        RequestEncoding = options.Headers?.GetValue(GrpcRequestFactory.InternalEncodingRequestHeader) ?? channel.Options.RequestCompression;
        if (!isRetryAttempt)
        {
            _callStartTimestamp = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Encoding used to compress request messages, or null.</summary>
    public string? RequestEncoding { get; }

    public GrpcChannel Channel => _channel;

    public Method<TRequest, TResponse> Method => _method;

    public CallOptions Options => _options;

    public bool IsFinished => Volatile.Read(ref _finished) == FinishedState;

    /// <summary>Token that ends when the call ends abnormally (deadline, cancellation, dispose, error).</summary>
    public CancellationToken CallToken => _cts.Token;

    /// <summary>Completes with true when the server committed to a normal response (headers, then messages);
    /// false when the call already finished (Trailers-Only, HTTP error, transport error, deadline).</summary>
    public Task<bool> CommitTask => _commitTask ?? throw new InvalidOperationException("The call has not started.");

    public TResponse Current { get; private set; } = default!;

    public IClientStreamWriter<TRequest> RequestStream => _writer ?? throw new InvalidOperationException("The call has no request stream.");

    /// <summary>Starts a call whose single request message is already framed (unary, server streaming).</summary>
    public void StartWithMessage(ReadOnlyMemory<byte> requestFrame) => Start(new MessageFrameContent(requestFrame));

    /// <summary>Starts a call whose request messages are written by the caller (client streaming, duplex).</summary>
    public void StartStreaming()
    {
        _streamingContent = new StreamingRequestContent();
        _writer = new ClientStreamWriter<TRequest, TResponse>(this, _streamingContent);
        Start(_streamingContent);
    }

    /// <summary>Ends the call before starting it (e.g. the request could not be serialized).</summary>
    public void StartFailed(Status status)
    {
        Finish(status, Metadata.Empty);
        _commitTask = Task.FromResult(false);
    }

    public Task<Metadata> GetResponseHeadersAsync() => _responseHeadersTask ??= GetResponseHeadersCoreAsync();

    public Status GetStatus() => IsFinished
        ? _status
        : throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() => IsFinished
        ? CurrentTrailers
        : throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

    /// <summary>Trailers of a finished call, without the completion check (used by retries for grpc-retry-pushback-ms).</summary>
    public Metadata? FinishedTrailers => IsFinished ? CurrentTrailers : null;

    /// <summary>Trailers as metadata, converted from the HTTP trailers only when someone asks (most OK calls never do).</summary>
    private Metadata CurrentTrailers => _trailers ??= _trailerHeaders is { } headers ? HttpMetadata.FromHeaders(headers) : Metadata.Empty;

    /// <summary>Reads the single response of a unary or client-streaming call.</summary>
    public async Task<TResponse> GetResponseAsync()
    {
        try
        {
            if (!await CommitTask.ConfigureAwait(false))
            {
                throw CreateFailureException();
            }

            if (!await ReadMessageAsync(_cts.Token).ConfigureAwait(false))
            {
                var trailerStatus = FinishFromTrailers(reportOk: false);
                Finish(trailerStatus.StatusCode == StatusCode.OK
                    ? new Status(StatusCode.Internal, "Failed to deserialize response message: the response had no message.")
                    : trailerStatus, null);
                throw CreateFailureException();
            }

            var response = Current;
            if (await ReadMessageAsync(_cts.Token).ConfigureAwait(false))
            {
                Finish(new Status(StatusCode.Internal, "Bad gRPC response: more than one message for a single-response call."), Metadata.Empty);
                throw CreateFailureException();
            }

            FinishFromTrailers(reportOk: true);
            if (_status.StatusCode != StatusCode.OK)
            {
                throw CreateFailureException();
            }

            return response;
        }
        catch (Exception ex) when (IsUntranslatedFailure(ex))
        {
            throw TranslateFailure(ex);
        }
        finally
        {
            ReleaseHttp();
        }
    }

    /// <summary>
    /// Whether a failure out of reading the response still has to become the call's status: everything but an
    /// RpcException raised after the call already finished (that one already carries the final status).
    /// </summary>
    private bool IsUntranslatedFailure(Exception ex) => ex is not RpcException || !IsFinished;

    /// <summary>
    /// Settles the call's status from <paramref name="ex"/> (unless a cancellation merely reflects a call the deadline or
    /// the caller already finished) and returns the exception callers see.
    /// </summary>
    private Exception TranslateFailure(Exception ex)
    {
        if (ex is not OperationCanceledException || !IsFinished)
        {
            FinishFromException(ex);
        }

        return CreateFailureException();
    }

    /// <inheritdoc />
    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_readInProgress)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        _readInProgress = true;
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelByCaller(), this)
            : default;
        try
        {
            if (!await CommitTask.ConfigureAwait(false))
            {
                return _status.StatusCode == StatusCode.OK ? false : throw CreateFailureException();
            }

            if (IsFinished)
            {
                return _status.StatusCode == StatusCode.OK ? false : throw CreateFailureException();
            }

            if (await ReadMessageAsync(_cts.Token).ConfigureAwait(false))
            {
                return true;
            }

            FinishFromTrailers(reportOk: true);
            return _status.StatusCode == StatusCode.OK ? false : throw CreateFailureException();
        }
        catch (Exception ex) when (IsUntranslatedFailure(ex))
        {
            throw TranslateFailure(ex);
        }
        finally
        {
            registration.Dispose();
            _readInProgress = false;
            ReleaseHttp();
        }
    }

    /// <summary>Cancels the call if it is still running (status CANCELLED) and releases its HTTP resources.</summary>
    public void Dispose()
    {
        if (!IsFinished)
        {
            Interlocked.CompareExchange(ref _cancelReason, CancelledByDispose, NotCancelled);
            Finish(new Status(StatusCode.Cancelled, "gRPC call disposed."), Metadata.Empty);
        }

        ReleaseHttp();
    }

    /// <summary>The exception a failed call surfaces: RpcException, or OperationCanceledException when configured.</summary>
    public Exception CreateFailureException()
    {
        if (_channel.Options.ThrowOperationCanceledOnCancellation
            && (_status.StatusCode == StatusCode.DeadlineExceeded || Volatile.Read(ref _cancelReason) == CancelledByCaller))
        {
            return new OperationCanceledException(_status.Detail, _options.CancellationToken);
        }

        return new RpcException(_status, CurrentTrailers);
    }

    /// <summary>Ends the call with a locally determined status; later results are ignored. An unfinished stream is reset.</summary>
    public bool Finish(Status status, Metadata? trailers)
    {
        if (Interlocked.CompareExchange(ref _finished, FinishingState, 0) != 0)
        {
            // Another thread is finishing: wait until its status is published so callers can read it.
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _finished) != FinishedState)
            {
                spinner.SpinOnce();
            }

            return false;
        }

        _status = status;
        if (trailers is not null)
        {
            _trailers = trailers;
        }

        Volatile.Write(ref _finished, FinishedState);

        _callerCancellation.Unregister();
        if (status.StatusCode != StatusCode.OK)
        {
            // Cancels pending operations and resets the HTTP/2 stream (RST_STREAM CANCEL) if it is still open.
            _cts.Cancel();
            ReleaseHttp();
        }
        else if (_deadlineTimerArmed)
        {
            _cts.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        _streamingContent?.Abort();
        TryRecordCallDuration();
        if (_activity is { } activity)
        {
            GrpcClientDiagnostics.StopCallActivity(activity, status);
        }

        if (_channel.Logger.IsEnabled(LogLevel.Debug))
        {
            ClientLog.CallFinished(_channel.Logger, _method.FullName, status.StatusCode, status.Detail);
        }

        return true;
    }

    /// <summary>
    /// Makes this attempt the one that reports the whole call's duration, measured from <paramref name="callStartTimestamp"/>:
    /// now if it already finished, otherwise when it does.
    /// </summary>
    internal void MeasureAsCall(long callStartTimestamp)
    {
        Interlocked.Exchange(ref _callStartTimestamp, callStartTimestamp);
        if (IsFinished)
        {
            TryRecordCallDuration();
        }
    }

    /// <summary>Records the call's duration once, when the call is finished and measured (whichever comes last).</summary>
    private void TryRecordCallDuration()
    {
        // Pairs with MeasureAsCall: either this sees its timestamp, or it sees this call finished.
        Interlocked.MemoryBarrier();
        var start = Volatile.Read(ref _callStartTimestamp);
        if (start != 0 && Interlocked.Exchange(ref _durationRecorded, 1) == 0)
        {
            GrpcClientDiagnostics.RecordCallDuration(_methodInfo, start, _status.StatusCode);
        }
    }

    /// <summary>The status for a write that failed or came too late.</summary>
    internal Exception CreateWriteException(Exception? cause)
    {
        if (cause is OperationCanceledException && _cts.IsCancellationRequested)
        {
            // The write's continuation can run before the deadline callback finishes the call:
            // settle the status here so the write reports DEADLINE_EXCEEDED, not CANCELLED.
            FinishFromException(cause);
        }

        if (IsFinished)
        {
            return _status.StatusCode == StatusCode.OK
                ? new InvalidOperationException("Can't write the message because the call is complete.")
                : CreateFailureException();
        }

        return new RpcException(TransportErrorStatus.FromException(cause ?? new IOException("Request stream closed.")));
    }

    internal void CancelByCaller()
    {
        if (!IsFinished)
        {
            Interlocked.CompareExchange(ref _cancelReason, CancelledByCaller, NotCancelled);
            Finish(CallEndStatuses.CancelledByClient, Metadata.Empty);
        }
    }

    private void OnDeadline()
    {
        if (!IsFinished && Volatile.Read(ref _cancelReason) == NotCancelled)
        {
            Finish(CallEndStatuses.DeadlineExceeded, Metadata.Empty);
        }
    }

    private void Start(HttpContent content)
    {
        ObjectDisposedException.ThrowIf(_channel.IsDisposed, _channel);

        TimeSpan? timeout = null;
        if (_deadline != DateTime.MaxValue)
        {
            var remaining = _deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                content.Dispose();
                StartFailed(CallEndStatuses.DeadlineExceeded);
                return;
            }

            timeout = remaining;
            // Enforced locally too: the call ends with DEADLINE_EXCEEDED even if the server never answers.
            if (remaining.TotalMilliseconds < uint.MaxValue - 1)
            {
                _cts.Token.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).OnDeadline(), this);
                _cts.CancelAfter(remaining);
                _deadlineTimerArmed = true;
            }
        }

        var callerToken = _options.CancellationToken;
        if (callerToken.CanBeCanceled)
        {
            if (callerToken.IsCancellationRequested)
            {
                content.Dispose();
                Interlocked.Exchange(ref _cancelReason, CancelledByCaller);
                StartFailed(CallEndStatuses.CancelledByClient);
                return;
            }

            _callerCancellation = callerToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelByCaller(), this);
        }

        _request = GrpcRequestFactory.Create(_channel, _methodInfo, _options.Headers, timeout, RequestEncoding, _previousAttempts, content);
        if (_channel.Logger.IsEnabled(LogLevel.Debug))
        {
            ClientLog.StartingCall(_channel.Logger, _method.Type, _methodInfo.RequestUri);
        }

        _commitTask = SendAsync(_request);
    }

    private async Task<bool> SendAsync(HttpRequestMessage request)
    {
        // Started inside this async method so the caller's Activity.Current is left untouched; while the request
        // is sent it is current, so whatever the HTTP handlers record nests under it.
        _activity = GrpcClientDiagnostics.StartCallActivity(_methodInfo);
        if (_activity is { } activity)
        {
            GrpcClientDiagnostics.InjectTraceContext(activity, request);
        }

        HttpResponseMessage response;
        try
        {
            if (_channel.ChannelCallCredentials is not null || _options.Credentials is not null)
            {
                await AddCallCredentialsAsync(request).ConfigureAwait(false);
            }

            response = _channel.HttpClient is { } client
                ? await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _cts.Token).ConfigureAwait(false)
                : await _channel.HttpInvoker.SendAsync(request, _cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            FinishFromException(ex);
            return false;
        }

        _response = response;
        var headerStatus = GrpcResponseStatus.FromResponseHeaders(response, out var trailersOnly);
        if (headerStatus is { StatusCode: StatusCode.OK } && _method.Type is MethodType.Unary or MethodType.ClientStreaming)
        {
            // Trailers-Only can carry no message, but these methods must return exactly one.
            headerStatus = new Status(StatusCode.Internal, "Failed to deserialize response message: the response had no message.");
        }

        if (headerStatus is { } status)
        {
            if (trailersOnly)
            {
                _trailerHeaders = response.Headers;
            }

            Finish(status, null);
            return false;
        }

        if (IsFinished)
        {
            // Deadline or cancellation won the race with the response headers.
            ReleaseHttp();
            return false;
        }

        return true;
    }

    private async Task AddCallCredentialsAsync(HttpRequestMessage request)
    {
        var serviceUrl = _channel.Address.GetLeftPart(UriPartial.Authority) + "/" + _method.ServiceName;
        var context = new AuthInterceptorContext(serviceUrl, _method.Name, _cts.Token);
        var metadata = await CallCredentialsApplier.GetMetadataAsync(_channel.ChannelCallCredentials, _options.Credentials, context).ConfigureAwait(false);
        GrpcRequestFactory.AddMetadata(request.Headers, metadata);
    }

    private async Task<Metadata> GetResponseHeadersCoreAsync()
    {
        if (await CommitTask.ConfigureAwait(false))
        {
            return HttpMetadata.FromHeaders(_response!.Headers);
        }

        // Trailers-Only: there were no separate headers. An OK call has empty headers; a failed one reports its status.
        return _status.StatusCode == StatusCode.OK ? Metadata.Empty : throw CreateFailureException();
    }

    private async ValueTask<bool> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var response = _response!;
        var stream = _responseStream ??= await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var readOptions = _readOptions ??= _channel.GetReadOptions(GetHeader(response.Headers, GrpcProtocolConstants.MessageEncodingHeader));
        var message = await MessageFramer.ReadMessageAsync(stream, _method.ResponseMarshaller.ContextualDeserializer, readOptions, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return false;
        }

        Current = message;
        return true;
    }

    private static string? GetHeader(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private Status FinishFromTrailers(bool reportOk)
    {
        var trailers = _response!.TrailingHeaders;
        var status = GrpcResponseStatus.FromTrailers(trailers);
        _trailerHeaders = trailers;
        if (reportOk || status.StatusCode != StatusCode.OK)
        {
            Finish(status, null);
        }

        return status;
    }

    private void FinishFromException(Exception ex)
    {
        if (IsFinished)
        {
            return;
        }

        if (ex is OperationCanceledException && _cts.IsCancellationRequested)
        {
            // Only three things cancel _cts: the caller's token, Dispose (both finish the call first) and the deadline timer.
            Finish(CallEndStatuses.DeadlineExceeded, Metadata.Empty);
            return;
        }

        Finish(TransportErrorStatus.FromException(ex), Metadata.Empty);
    }

    private void ReleaseHttp()
    {
        if (!IsFinished)
        {
            return;
        }

        // Disposing an unfinished response resets the stream; a finished one just returns its connection slot.
        _response?.Dispose();
        _request?.Dispose();
    }

    /// <summary>The deadline in UTC; <see cref="DateTime.MaxValue"/> when the call has none.</summary>
    internal static DateTime NormalizeDeadline(DateTime? deadline)
    {
        if (deadline is not { } value || value == DateTime.MaxValue)
        {
            return DateTime.MaxValue;
        }

        return value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
    }
}
