namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>What to install when a peer's prerequisite is missing; tests fail with these, never skip.</summary>
public static class InstallHints
{
    public const string Python = "Install Debian's gRPC for Python: apt-get install -y python3 python3-grpcio python3-protobuf (the tests use /usr/bin/python3, or KHCN_INTEROP_PYTHON).";

    public const string Node = "Install Node.js 18+ and npm (e.g. apt-get install -y nodejs npm), then run 'npm ci' in tests/Khcn.Grpc.Interop.Tests/peers/node (the tests run it themselves when node_modules is missing).";

    public static string For(string fileName) => Path.GetFileName(fileName) switch
    {
        var name when name.StartsWith("python", StringComparison.Ordinal) => Python,
        "node" or "npm" => Node,
        _ => "",
    };
}
