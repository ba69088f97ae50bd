using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Endpoints;

/// <summary>A gRPC method of a service together with the request delegate that serves it.</summary>
internal sealed record BoundServiceMethod(IMethod Method, RequestDelegate RequestDelegate);
