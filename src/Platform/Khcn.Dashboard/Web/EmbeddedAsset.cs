namespace Khcn.Dashboard.Web;

/// <summary>One file of the page, read once from the assembly.</summary>
/// <param name="Path">The request path that serves it, e.g. <c>/app.js</c>.</param>
internal sealed record EmbeddedAsset(string Path, string ContentType, byte[] Content);
