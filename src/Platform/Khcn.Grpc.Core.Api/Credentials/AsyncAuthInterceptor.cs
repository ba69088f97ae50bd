namespace Grpc.Core;

/// <summary>Adds authentication metadata (e.g. an "authorization" header) to an outgoing call.</summary>
public delegate Task AsyncAuthInterceptor(AuthInterceptorContext context, Metadata metadata);
