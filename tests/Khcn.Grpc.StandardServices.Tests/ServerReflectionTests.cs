using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Khcn.Grpc.StandardServices.Tests.Infrastructure;
using Khcn.Testing.Standard.V1;
using Khcn.Tests.Hosting;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Khcn.Grpc.StandardServices.Tests;

/// <summary>grpc.reflection.v1 and v1alpha ServerReflectionInfo over a real server, through our client.</summary>
public sealed class ServerReflectionTests : IAsyncLifetime
{
    private const string ProbeFile = "khcn/testing/standard/v1/probe.proto";
    private const string ProbeTypesFile = "khcn/testing/standard/v1/probe_types.proto";

    private LoopbackApp server = null!;
    private GrpcChannel channel = null!;

    public async Task InitializeAsync()
    {
        server = await ReflectionTestServer.StartAsync();
        channel = GrpcChannel.ForAddress(server.Address);
    }

    public async Task DisposeAsync()
    {
        channel.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ListServices_IncludesApplicationHealthAndBothReflectionServices()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { ListServices = string.Empty });

        var names = response.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("khcn.testing.standard.v1.ProbeService", names);
        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("khcn.testing.standard.v1.ProbeService", ProbeFile)]
    [InlineData("khcn.testing.standard.v1.ProbeService.Echo", ProbeFile)]
    [InlineData("khcn.testing.standard.v1.EchoRequest", ProbeFile)]
    [InlineData("khcn.testing.standard.v1.EchoRequest.name", ProbeFile)]
    [InlineData("khcn.testing.standard.v1.EchoReply.Envelope", ProbeFile)]
    [InlineData("khcn.testing.standard.v1.EchoReply.Channel", ProbeFile)]
    [InlineData("khcn.testing.standard.v1.EchoReply.CHANNEL_GRPC", ProbeFile)]
    [InlineData("khcn.testing.standard.v1.Mood", ProbeTypesFile)]
    [InlineData("khcn.testing.standard.v1.MOOD_CALM", ProbeTypesFile)]
    [InlineData("khcn.testing.standard.v1.Mood.MOOD_CALM", ProbeTypesFile)]
    [InlineData("khcn.testing.standard.v1.probe_note", ProbeTypesFile)]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    public async Task FileContainingSymbol_ReturnsTheDeclaringFileFirst(string symbol, string expectedFile)
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        var first = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal(expectedFile, first.Name);
    }

    [Fact]
    public async Task FileContainingSymbol_Method_ReturnsDescriptorsThatRebuildWithAllDependencies()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { FileContainingSymbol = "khcn.testing.standard.v1.ProbeService.Echo" });

        var files = DescriptorRebuilder.Rebuild(response.FileDescriptorResponse.FileDescriptorProto);
        var probe = files.Single(f => f.Name == ProbeFile);
        var echo = probe.FindTypeByName<ServiceDescriptor>("ProbeService").FindMethodByName("Echo");
        Assert.Equal("khcn.testing.standard.v1.EchoRequest", echo.InputType.FullName);
        Assert.Equal("khcn.testing.standard.v1.Mood", echo.InputType.FindFieldByName("mood").EnumType.FullName);
        var envelope = echo.OutputType.NestedTypes.Single(t => t.Name == "Envelope");
        Assert.Equal("google.protobuf.Timestamp", envelope.FindFieldByName("sent_at").MessageType.FullName);
        Assert.Equal(ProbeService.Descriptor.File.SerializedData, probe.SerializedData);
    }

    [Fact]
    public async Task FileContainingSymbol_Message_RebuildsTheSameMessageAsTheCompiledOne()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { FileContainingSymbol = "khcn.testing.standard.v1.EchoReply" });

        var files = DescriptorRebuilder.Rebuild(response.FileDescriptorResponse.FileDescriptorProto);
        var reply = files.Single(f => f.Name == ProbeFile).FindTypeByName<MessageDescriptor>("EchoReply");
        Assert.Equal(
            EchoReply.Descriptor.Fields.InFieldNumberOrder().Select(f => (f.Name, f.FieldNumber)),
            reply.Fields.InFieldNumberOrder().Select(f => (f.Name, f.FieldNumber)));
    }

    [Fact]
    public async Task FileContainingSymbol_Enum_RebuildsTheEnumValues()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { FileContainingSymbol = "khcn.testing.standard.v1.Mood" });

        var files = DescriptorRebuilder.Rebuild(response.FileDescriptorResponse.FileDescriptorProto);
        var mood = files.Single(f => f.Name == ProbeTypesFile).FindTypeByName<EnumDescriptor>("Mood");
        Assert.Equal(new[] { "MOOD_UNSPECIFIED", "MOOD_CALM", "MOOD_CHEERFUL" }, mood.Values.Select(v => v.Name));
    }

    [Fact]
    public async Task UnknownSymbol_ReturnsErrorResponseNotFound()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { FileContainingSymbol = "khcn.testing.standard.v1.NoSuchThing" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
        Assert.Equal("khcn.testing.standard.v1.NoSuchThing", response.OriginalRequest.FileContainingSymbol);
    }

    [Fact]
    public async Task UnknownFileName_ReturnsErrorResponseNotFound()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { FileByFilename = "no/such/file.proto" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task ErrorResponse_DoesNotEndTheStream()
    {
        await using var reflection = OpenV1();
        await reflection.AskAsync(new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" });

        var response = await reflection.AskAsync(new ServerReflectionRequest { ListServices = string.Empty });

        Assert.NotEmpty(response.ListServicesResponse.Service);
    }

    [Fact]
    public async Task EmptyRequest_ReturnsErrorResponseInvalidArgument()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest { Host = "localhost" });

        Assert.Equal((int)StatusCode.InvalidArgument, response.ErrorResponse.ErrorCode);
        Assert.Equal("localhost", response.ValidHost);
    }

    [Fact]
    public async Task FileByFilename_SendsEachDependencyOncePerStream()
    {
        await using var reflection = OpenV1();

        var first = await reflection.AskAsync(new ServerReflectionRequest { FileByFilename = ProbeFile });
        var second = await reflection.AskAsync(new ServerReflectionRequest { FileByFilename = ProbeTypesFile });

        Assert.Equal(
            new[] { ProbeFile, "google/protobuf/timestamp.proto", ProbeTypesFile, "google/protobuf/descriptor.proto" },
            FileNames(first));
        // probe_types.proto and descriptor.proto already went out on this stream: only the requested file again.
        Assert.Equal(new[] { ProbeTypesFile }, FileNames(second));
    }

    [Fact]
    public async Task FileByFilename_NewStreamSendsDependenciesAgain()
    {
        await using (var earlier = OpenV1())
        {
            await earlier.AskAsync(new ServerReflectionRequest { FileByFilename = ProbeFile });
        }

        await using var reflection = OpenV1();
        var response = await reflection.AskAsync(new ServerReflectionRequest { FileByFilename = ProbeTypesFile });

        Assert.Equal(new[] { ProbeTypesFile, "google/protobuf/descriptor.proto" }, FileNames(response));
    }

    [Fact]
    public async Task FileContainingExtension_ReturnsTheDeclaringFile()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.MethodOptions", ExtensionNumber = 50101 },
        });

        Assert.Equal(ProbeTypesFile, FileNames(response)[0]);
    }

    [Fact]
    public async Task FileContainingExtension_UnknownNumber_ReturnsErrorResponseNotFound()
    {
        await using var reflection = OpenV1();

        var response = await reflection.AskAsync(new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.MethodOptions", ExtensionNumber = 59999 },
        });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_ListsKnownExtensions()
    {
        await using var reflection = OpenV1();

        var extended = await reflection.AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "google.protobuf.MethodOptions" });
        var plain = await reflection.AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "khcn.testing.standard.v1.EchoRequest" });
        var unknown = await reflection.AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "khcn.testing.standard.v1.Nothing" });

        Assert.Equal("google.protobuf.MethodOptions", extended.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Equal(new[] { 50101 }, extended.AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Empty(plain.AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Equal((int)StatusCode.NotFound, unknown.ErrorResponse.ErrorCode);
    }

    [Theory]
    [InlineData("list_services")]
    [InlineData("file_containing_symbol")]
    [InlineData("unknown_symbol")]
    [InlineData("all_extension_numbers_of_type")]
    public async Task V1Alpha_AnswersLikeV1(string question)
    {
        var request = question switch
        {
            "list_services" => new ServerReflectionRequest { ListServices = "*" },
            "file_containing_symbol" => new ServerReflectionRequest { FileContainingSymbol = "khcn.testing.standard.v1.EchoReply.Envelope" },
            "unknown_symbol" => new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" },
            _ => new ServerReflectionRequest { AllExtensionNumbersOfType = "google.protobuf.MethodOptions" },
        };
        await using var v1 = OpenV1();
        await using var v1Alpha = OpenV1Alpha();

        var v1Answer = await v1.AskAsync(request);
        var v1AlphaAnswer = await v1Alpha.AskAsync(V1Alpha.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));

        Assert.NotEqual(ServerReflectionResponse.MessageResponseOneofCase.None, v1Answer.MessageResponseCase);
        Assert.Equal(v1Answer.ToByteString(), v1AlphaAnswer.ToByteString());
    }

    private DuplexConversation<ServerReflectionRequest, ServerReflectionResponse> OpenV1() =>
        new(new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: TestDeadline.FromNow));

    private DuplexConversation<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse> OpenV1Alpha() =>
        new(new V1Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: TestDeadline.FromNow));

    private static List<string> FileNames(ServerReflectionResponse response) =>
        response.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name).ToList();
}
