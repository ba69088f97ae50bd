using System.Text.Json;
using Khcn.Grpc.Interop.Tests.Fixtures;
using Khcn.Grpc.StandardServices.Tests.Infrastructure;

namespace Khcn.Grpc.StandardServices.Tests;

/// <summary>
/// The proof that peers in other languages can discover our API: a Python grpcio client with no
/// generated code for our services finds them through reflection and calls one by name.
/// </summary>
public sealed class PythonReflectionPeerTests
{
    // Debian's interpreter, which has python3-grpcio and python3-protobuf; a pyenv python3 on PATH has not.
    private const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public async Task PythonPeer_DiscoversServiceThroughReflectionAndCallsItByName(string reflectionVersion)
    {
        await using var server = await ReflectionTestServer.StartAsync();

        // grpcio takes its target as host:port, not as a URI.
        using var result = await RunPeerAsync(
            "--target", $"{server.Address.Host}:{server.Address.Port}",
            "--protoc", ProtocPaths.Protoc,
            "--include", ProtocPaths.WellKnownProtos,
            "--proto-root", Path.Combine(AppContext.BaseDirectory, "protos"),
            "--version", reflectionVersion,
            "--method", "Echo",
            "--request-json", """{"name": "Hà Nội", "mood": "MOOD_CHEERFUL"}""");

        var root = result.RootElement;
        var services = root.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("khcn.testing.standard.v1.ProbeService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", services);
        Assert.Equal("khcn.testing.standard.v1.ProbeService", root.GetProperty("discovered_service").GetString());

        var files = root.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal("khcn/testing/standard/v1/probe.proto", files[0]);
        Assert.Contains("khcn/testing/standard/v1/probe_types.proto", files);
        Assert.Contains("google/protobuf/timestamp.proto", files);
        Assert.Equal(5, root.GetProperty("unknown_symbol_error_code").GetInt32());

        var greeting = root.GetProperty("response").GetProperty("envelope").GetProperty("greeting");
        Assert.Equal("Xin chào, Hà Nội!", greeting.GetProperty("text").GetString());
        Assert.Equal("MOOD_CHEERFUL", greeting.GetProperty("mood").GetString());
        Assert.Equal("CHANNEL_GRPC", root.GetProperty("response").GetProperty("channel").GetString());

        // The health service speaks the standard protocol to a foreign client too.
        Assert.Equal("SERVING", root.GetProperty("health").GetProperty("status").GetString());
    }

    private static async Task<JsonDocument> RunPeerAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Python), $"{Python} is required (Debian python3-grpcio and python3-protobuf).");
        var result = await ChildProcess.RunAsync(
            Python,
            [Path.Combine(AppContext.BaseDirectory, "python", "reflection_peer.py"), .. arguments],
            AppContext.BaseDirectory,
            TimeSpan.FromMinutes(3),
            PythonEnvironment.Clean);

        Assert.True(result.ExitCode == 0, $"The Python peer failed ({result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
        return JsonDocument.Parse(result.StandardOutput);
    }
}
