using Grpc.Core;

namespace Grpc.AspNetCore.Server.Model;

// Open-instance delegates over a service method: the service instance is the first argument so one
// delegate, created at startup, serves every per-call instance without reflection.

/// <summary>A unary method on a service instance.</summary>
public delegate Task<TResponse> UnaryServerMethod<TService, TRequest, TResponse>(TService service, TRequest request, ServerCallContext context);

/// <summary>A client-streaming method on a service instance.</summary>
public delegate Task<TResponse> ClientStreamingServerMethod<TService, TRequest, TResponse>(TService service, IAsyncStreamReader<TRequest> stream, ServerCallContext context);

/// <summary>A server-streaming method on a service instance.</summary>
public delegate Task ServerStreamingServerMethod<TService, TRequest, TResponse>(TService service, TRequest request, IServerStreamWriter<TResponse> stream, ServerCallContext context);

/// <summary>A duplex-streaming method on a service instance.</summary>
public delegate Task DuplexStreamingServerMethod<TService, TRequest, TResponse>(TService service, IAsyncStreamReader<TRequest> input, IServerStreamWriter<TResponse> output, ServerCallContext context);
