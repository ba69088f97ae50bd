using Grpc.Core;
using Grpc.Reflection.Catalog;

namespace Grpc.Reflection;

/// <summary>The request/response loop of one ServerReflectionInfo call, shared by v1 and v1alpha.</summary>
internal static class ReflectionStream
{
    public static async Task RunAsync<TRequest, TResponse>(
        DescriptorCatalog catalog,
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        Func<TRequest, V1.ServerReflectionRequest> toV1Request,
        Func<V1.ServerReflectionResponse, TResponse> fromV1Response,
        CancellationToken cancellationToken)
    {
        var session = new ReflectionSession(catalog);
        while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var response = session.Answer(toV1Request(requestStream.Current));
            await responseStream.WriteAsync(fromV1Response(response)).ConfigureAwait(false);
        }
    }
}
