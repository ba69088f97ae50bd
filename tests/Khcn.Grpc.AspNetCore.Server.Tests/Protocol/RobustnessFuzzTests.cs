using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Protocol;

/// <summary>Bounded, seeded fuzzing: random request bodies and random raw bytes never crash or hang the server.</summary>
public sealed class RobustnessFuzzTests
{
    private const int BodiesPerMethod = 300;

    [Theory]
    [InlineData("Unary", 1001)]
    [InlineData("ClientStream", 1002)]
    [InlineData("ServerStream", 1003)]
    [InlineData("Duplex", 1004)]
    public async Task RandomRequestBodies_AlwaysEndWithValidGrpcStatus(string method, int seed)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new RawGrpcClient(server.Address);
        var random = new Random(seed);

        for (var i = 0; i < BodiesPerMethod; i++)
        {
            var body = RandomBody(random);
            var response = await client.CallAsync(method, body);

            Assert.True(
                response.GrpcStatus is >= 0 and <= 16,
                $"Body #{i} ({Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 32)))}...) ended without a valid grpc-status.");
        }

        await AssertHealthyAsync(client);
    }

    [Fact]
    public async Task RandomBytesOnRawTcp_CloseTheConnectionAndServerStaysHealthy()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var random = new Random(2001);

        for (var i = 0; i < 40; i++)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, server.Address.Port);
            var stream = tcp.GetStream();
            var garbage = new byte[random.Next(1, 8192)];
            random.NextBytes(garbage);
            if (i % 2 == 0)
            {
                // Half the connections start with a valid preface so the garbage reaches the HTTP/2 frame parser.
                var preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();
                garbage = [.. preface, .. garbage];
            }

            try
            {
                await stream.WriteAsync(garbage);
                tcp.Client.Shutdown(SocketShutdown.Send);
            }
            catch (IOException)
            {
                // The server may already have closed the connection: that is an acceptable outcome.
            }
            catch (SocketException)
            {
            }

            using var timeout = new CancellationTokenSource(RawGrpcClient.CallTimeout);
            await TransportTests.ReadUntilClosedAsync(stream, timeout.Token);
            Assert.False(timeout.IsCancellationRequested, $"Connection #{i} was not closed by the server.");
        }

        using var client = new RawGrpcClient(server.Address);
        await AssertHealthyAsync(client);
    }

    private static async Task AssertHealthyAsync(RawGrpcClient client)
    {
        var healthy = await client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = "still alive" }));
        Assert.Equal(0, healthy.GrpcStatus);
        Assert.Equal("still alive", healthy.Replies.Single().Text);
    }

    /// <summary>Mixes pure noise with near-valid frames (real headers, lying lengths, bad flags, random payloads).</summary>
    private static byte[] RandomBody(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                var noise = new byte[random.Next(0, 64)];
                random.NextBytes(noise);
                return noise;
            case 1:
            {
                var payload = new byte[random.Next(0, 48)];
                random.NextBytes(payload);
                return GrpcFrames.Frame(payload, compressed: false, flagOverride: (byte)random.Next(0, 3));
            }

            case 2:
            {
                // Header that claims a different length than what follows.
                var frame = new byte[5 + random.Next(0, 32)];
                random.NextBytes(frame);
                frame[0] = 0;
                BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)random.Next(0, 1 << 20));
                return frame;
            }

            default:
            {
                var frames = new List<byte>();
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    var payload = new byte[random.Next(0, 24)];
                    random.NextBytes(payload);
                    frames.AddRange(GrpcFrames.Frame(payload, compressed: false));
                }

                return [.. frames];
            }
        }
    }
}
