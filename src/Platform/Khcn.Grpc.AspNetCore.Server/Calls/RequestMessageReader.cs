using System.IO.Pipelines;
using Grpc.Core;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Reads request messages straight from the request body pipe (no intermediate stream or copy).</summary>
internal readonly struct RequestMessageReader<TRequest>(PipeReader bodyReader, Marshaller<TRequest> marshaller, MessageReadOptions options)
    where TRequest : class
{
    /// <summary>Next message, or null at the clean end of the request stream.</summary>
    public ValueTask<TRequest?> ReadAsync(CancellationToken cancellationToken)
    {
        var read = MessageFramer.ReadMessageAsync(bodyReader, marshaller.ContextualDeserializer, options, cancellationToken);
        return read.IsCompletedSuccessfully ? read : AwaitMessageAsync(read);
    }

    private static async ValueTask<TRequest?> AwaitMessageAsync(ValueTask<TRequest?> read)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (IOException transportFailure)
        {
            throw ClientResetStatus.From(transportFailure);
        }
    }

    /// <summary>The one request message of a unary or server-streaming call; anything else is a protocol error.</summary>
    public ValueTask<TRequest> ReadSingleAsync(CancellationToken cancellationToken)
    {
        // Completes synchronously when the whole request is already buffered (the common case): no state machine then.
        var read = MessageFramer.ReadSingleMessageAsync(bodyReader, marshaller.ContextualDeserializer, options, cancellationToken);
        return read.IsCompletedSuccessfully ? new ValueTask<TRequest>(RequireSingle(read.Result)) : AwaitSingleAsync(read);
    }

    private static async ValueTask<TRequest> AwaitSingleAsync(ValueTask<(TRequest? Message, bool AdditionalMessage)> read)
    {
        (TRequest? Message, bool AdditionalMessage) result;
        try
        {
            result = await read.ConfigureAwait(false);
        }
        catch (IOException transportFailure)
        {
            throw ClientResetStatus.From(transportFailure);
        }

        return RequireSingle(result);
    }

    private static TRequest RequireSingle((TRequest? Message, bool AdditionalMessage) read)
    {
        if (read.Message is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Request stream ended without a message."));
        }

        if (read.AdditionalMessage)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Additional message received after the single request message."));
        }

        return read.Message;
    }
}
