namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>The environment every Python peer runs in.</summary>
public static class PythonEnvironment
{
    /// <summary>UTF-8 output whatever the test runner's locale; no user site-packages shadowing Debian's modules.</summary>
    public static IReadOnlyDictionary<string, string?> Clean { get; } = new Dictionary<string, string?>
    {
        ["PYTHONIOENCODING"] = "utf-8",
        ["PYTHONNOUSERSITE"] = "1",
    };
}
