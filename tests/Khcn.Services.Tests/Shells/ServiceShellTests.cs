using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Grpc.StatusProto;

namespace Khcn.Services.Tests.Shells;

/// <summary>
/// What every service answers over a real socket: health, reflection of its v1 contract, and one
/// v1 method answered by the real service (a rich NOT_FOUND in the service's own error domain).
/// </summary>
public abstract class ServiceShellTests(ServiceShellFixture fixture)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Full name of the service's v1 gRPC service.</summary>
    protected abstract string V1ServiceName { get; }

    /// <summary>Proto file that declares the v1 service.</summary>
    protected abstract string V1ServiceFile { get; }

    /// <summary>Calls one v1 method and asserts what the service answers today.</summary>
    protected abstract Task AssertV1MethodAnswersAsync(GrpcChannel channel, CallOptions options);

    private static CallOptions Options => new(deadline: DateTime.UtcNow + CallTimeout);

    [Fact]
    public async Task Health_WholeServer_IsServing()
    {
        var client = new Health.HealthClient(fixture.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest(), Options);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesV1ServiceHealthAndReflection()
    {
        var response = await ReflectAsync(new ServerReflectionRequest { ListServices = "" });

        var names = response.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(V1ServiceName, names);
        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
    }

    [Fact]
    public async Task Reflection_FileContainingV1Service_ReturnsTheContractFile()
    {
        var response = await ReflectAsync(new ServerReflectionRequest { FileContainingSymbol = V1ServiceName });

        var files = response.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes))
            .ToList();
        var contract = Assert.Single(files, f => f.Name == V1ServiceFile);
        Assert.Contains(contract.Service, s => $"{contract.Package}.{s.Name}" == V1ServiceName);
    }

    [Fact]
    public Task V1Method_AnswersAsFarAsTheServiceIsBuilt() => AssertV1MethodAnswersAsync(fixture.Channel, Options);

    private async Task<ServerReflectionResponse> ReflectAsync(ServerReflectionRequest request)
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = client.ServerReflectionInfo(Options);
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "reflection sent no response");
        var response = call.ResponseStream.Current;
        Assert.NotEqual(ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, response.MessageResponseCase);
        return response;
    }
}

public sealed class ProvincesShellTests(ProvincesFixture fixture) : ServiceShellTests(fixture), IClassFixture<ProvincesFixture>
{
    protected override string V1ServiceName => "khcn.provinces.v1.ProvincesService";

    protected override string V1ServiceFile => "khcn/provinces/v1/provinces_service.proto";

    protected override async Task AssertV1MethodAnswersAsync(GrpcChannel channel, CallOptions options)
    {
        var province = await new Khcn.Provinces.V1.ProvincesService.ProvincesServiceClient(channel)
            .GetProvinceAsync(new Khcn.Provinces.V1.GetProvinceRequest { Name = "provinces/20" }, options);

        Assert.Equal("Lạng Sơn", province.DisplayName);
    }
}

public sealed class TasksShellTests(TasksFixture fixture) : ServiceShellTests(fixture), IClassFixture<TasksFixture>
{
    protected override string V1ServiceName => "khcn.tasks.v1.TasksService";

    protected override string V1ServiceFile => "khcn/tasks/v1/tasks_service.proto";

    protected override async Task AssertV1MethodAnswersAsync(GrpcChannel channel, CallOptions options)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new Khcn.Tasks.V1.TasksService.TasksServiceClient(channel)
            .GetTaskAsync(new Khcn.Tasks.V1.GetTaskRequest { Name = "tasks/no-such-task" }, options).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var info = error.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>();
        Assert.Equal("tasks.khcn.gov.vn", info?.Domain);
    }
}

public sealed class IntellectualPropertyShellTests(IntellectualPropertyFixture fixture) : ServiceShellTests(fixture), IClassFixture<IntellectualPropertyFixture>
{
    protected override string V1ServiceName => "khcn.ip.v1.IntellectualPropertyService";

    protected override string V1ServiceFile => "khcn/ip/v1/intellectual_property_service.proto";

    protected override async Task AssertV1MethodAnswersAsync(GrpcChannel channel, CallOptions options)
    {
        // An id no seed uses: only the real service answers NOT_FOUND with its own error domain.
        var error = await Assert.ThrowsAsync<RpcException>(() => new Khcn.IntellectualProperty.V1.IntellectualPropertyService.IntellectualPropertyServiceClient(channel)
            .GetAssetAsync(new Khcn.IntellectualProperty.V1.GetAssetRequest { Name = "assets/no-such-asset" }, options).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var info = error.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>();
        Assert.Equal("ip.khcn.gov.vn", info?.Domain);
    }
}
