namespace Khcn.Grpc.Net.Client.Tests.Diagnostics;

/// <summary>
/// Activity and meter listeners are process-wide: run these tests alone so the calls of other test classes neither
/// add spans and measurements here nor see the listeners turned on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DiagnosticsCollection
{
    public const string Name = "Diagnostics";
}
