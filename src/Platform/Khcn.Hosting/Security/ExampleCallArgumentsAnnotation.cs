using Aspire.Hosting.ApplicationModel;

namespace Khcn.Hosting.Security;

/// <summary>More arguments for the summary's "try:" line, known only once the run started (e.g. the run's CA and token).</summary>
/// <param name="Arguments">The arguments, asked for when the summary is written.</param>
internal sealed record ExampleCallArgumentsAnnotation(Func<IEnumerable<string>> Arguments) : IResourceAnnotation;
