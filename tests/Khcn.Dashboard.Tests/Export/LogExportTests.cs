using System.Diagnostics;
using Khcn.Dashboard.Api;
using Khcn.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace Khcn.Dashboard.Tests.Export;

/// <summary>Structured logs sent by the official SDK's logging provider and OTLP exporter.</summary>
public sealed class LogExportTests
{
    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task LogsOfTwoServices_FilterByTraceIdLevelServiceAndText(OtlpExportProtocol protocol)
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        string traceId;
        string spanId;
        using (var ordersLogging = OtlpPeer.Logger(dashboard.Host, protocol, "orders"))
        using (var billingLogging = OtlpPeer.Logger(dashboard.Host, protocol, "billing"))
        {
            var orders = ordersLogging.CreateLogger("Orders.Checkout");
            var billing = billingLogging.CreateLogger("Billing.Charges");
            orders.LogError("Unrelated failure outside the call");
            // A log written inside an activity carries its trace and span ids, as one inside a request does.
            using (var call = new Activity("checkout").Start())
            {
                traceId = call.TraceId.ToHexString();
                spanId = call.SpanId.ToHexString();
                orders.LogInformation("Placing order {OrderId}", 42);
                orders.LogWarning("Low stock for {Sku}", "A-7");
                billing.LogInformation("Charged {Amount}", 9.5);
            }
        }

        var inCall = await dashboard.GetJsonAsync<LogView[]>($"/api/logs?traceId={traceId}");
        Assert.Equal(["Charged 9.5", "Low stock for A-7", "Placing order 42"], inCall.Select(log => log.Message));
        Assert.All(inCall, log => Assert.Equal((traceId, spanId), (log.TraceId, log.SpanId)));
        Assert.Equal(["billing", "orders", "orders"], inCall.Select(log => log.Service));
        Assert.Equal(["Information", "Warning", "Information"], inCall.Select(log => log.Level));
        Assert.Equal(["Billing.Charges", "Orders.Checkout", "Orders.Checkout"], inCall.Select(log => log.Category));
        Assert.Equal("42", inCall[2].Attributes["OrderId"]);

        var warningsUp = await dashboard.GetJsonAsync<LogView[]>("/api/logs?level=warning");
        Assert.Equal(["Low stock for A-7", "Unrelated failure outside the call"], warningsUp.Select(log => log.Message));
        Assert.Equal("", warningsUp[1].TraceId);

        var billingOnly = await dashboard.GetJsonAsync<LogView[]>("/api/logs?service=billing");
        Assert.Equal(["Charged 9.5"], billingOnly.Select(log => log.Message));

        var all = await dashboard.GetJsonAsync<LogView[]>("/api/logs");
        Assert.Equal(all.Select(log => log.Sequence).OrderDescending(), all.Select(log => log.Sequence));
        Assert.Equal(["Low stock for A-7"], (await dashboard.GetJsonAsync<LogView[]>("/api/logs?search=STOCK")).Select(log => log.Message));
        Assert.Equal(["Charged 9.5"], (await dashboard.GetJsonAsync<LogView[]>($"/api/logs?after={all[1].Sequence}")).Select(log => log.Message));
        Assert.Equal(2, (await dashboard.GetJsonAsync<LogView[]>("/api/logs?limit=2")).Length);
    }

    [Fact]
    public async Task PastMaxLogs_OnlyTheNewestRemain()
    {
        await using var dashboard = await RunningDashboard.StartAsync(new StoreLimits { MaxLogs = 3 });
        using (var logging = OtlpPeer.Logger(dashboard.Host, OtlpExportProtocol.Grpc, "orders"))
        {
            var logger = logging.CreateLogger("Orders");
            for (var i = 1; i <= 5; i++)
            {
                logger.LogInformation("Message {Number}", i);
            }
        }

        var logs = await dashboard.GetJsonAsync<LogView[]>("/api/logs");
        Assert.Equal(["Message 5", "Message 4", "Message 3"], logs.Select(log => log.Message));
    }
}
