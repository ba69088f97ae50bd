using System.IO.Pipelines;
using Khcn.Grpc.Interop.Tests.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Khcn.Grpc.Interop.Tests.Server;

/// <summary>
/// Per-request feature telling the test service whether each request message arrived with the
/// compressed flag set, which the CompressedRequest server feature (expect_compressed) checks.
/// </summary>
public sealed class RequestMessageFlags(GrpcFrameFlagObserver observer)
{
    /// <summary>Compressed flag of the next request message the handler has received.</summary>
    public bool NextMessageWasCompressed() => observer.TakeNextFlag();

    /// <summary>
    /// Middleware for the test host only: routes the request body through a frame observer before
    /// our server's framing code reads it from <see cref="HttpRequest.BodyReader"/>.
    /// </summary>
    public static IApplicationBuilder UseRequestMessageFlags(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var observer = new GrpcFrameFlagObserver();
            var body = new FrameObservingReadStream(context.Request.Body, observer);
            context.Request.Body = body;
            context.Features.Set<IRequestBodyPipeFeature>(new ObservedBodyPipeFeature(PipeReader.Create(body)));
            context.Features.Set(new RequestMessageFlags(observer));
            await next(context);
        });

    private sealed class ObservedBodyPipeFeature(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
