using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Khcn.Hosting;

/// <summary>
/// A gRPC call the console summary offers as a ready-to-paste command once everything is healthy (Khcn's own addition
/// to the app model: Aspire shows its dashboard instead).
/// </summary>
/// <param name="Method">Full method name, <c>package.Service/Method</c>.</param>
/// <param name="JsonRequest">The request in protobuf JSON.</param>
public sealed record ExampleCallAnnotation(string Method, string JsonRequest) : IResourceAnnotation;

public static class ExampleCallExtensions
{
    /// <summary>Offers <paramref name="method"/> with <paramref name="jsonRequest"/> as the "try:" line of the summary.</summary>
    public static IResourceBuilder<ProjectResource> WithExampleCall(this IResourceBuilder<ProjectResource> builder, string method, string jsonRequest) =>
        builder.WithAnnotation(new ExampleCallAnnotation(method, jsonRequest));
}
