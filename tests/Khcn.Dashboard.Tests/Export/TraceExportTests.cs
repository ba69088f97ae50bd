using System.Diagnostics;
using Khcn.Dashboard.Api;
using Khcn.Dashboard.Tests.Infrastructure;
using OpenTelemetry.Exporter;

namespace Khcn.Dashboard.Tests.Export;

/// <summary>Traces sent by the official SDK and OTLP exporter, as three services of one distributed call.</summary>
public sealed class TraceExportTests
{
    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task TraceAcrossThreeServices_ComesBackWholeWithParentsServicesAndOffsets(OtlpExportProtocol protocol)
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        var names = new SourceNames();
        using var frontendSource = new ActivitySource(names.Frontend);
        using var ordersSource = new ActivitySource(names.Orders);
        using var inventorySource = new ActivitySource(names.Inventory);
        // The frontend also listens to ASP.NET Core by name, as a web service's tracer does: were the dashboard's own
        // requests traced, they would show up as extra traces.
        using (OtlpPeer.Tracer(dashboard.Host, protocol, "frontend", names.Frontend, "Microsoft.AspNetCore"))
        using (OtlpPeer.Tracer(dashboard.Host, protocol, "orders", names.Orders))
        using (OtlpPeer.Tracer(dashboard.Host, protocol, "inventory", names.Inventory))
        {
            var started = new List<Activity>();
            using (var root = Start(frontendSource, "GET /checkout", ActivityKind.Server, default, started))
            {
                using (var call = Start(ordersSource, "PlaceOrder", ActivityKind.Server, root.Context, started))
                {
                    using (Start(inventorySource, "Reserve", ActivityKind.Server, call.Context, started))
                    {
                    }
                }
            }

            var traceId = started[0].TraceId.ToHexString();
            var trace = await dashboard.GetJsonAsync<TraceDetail>($"/api/traces/{traceId}");

            Assert.Equal(traceId, trace.TraceId);
            Assert.Equal(["GET /checkout", "PlaceOrder", "Reserve"], trace.Spans.Select(span => span.Name));
            Assert.Equal(["frontend", "orders", "inventory"], trace.Spans.Select(span => span.Service));
            Assert.Equal(started.Select(activity => activity.SpanId.ToHexString()), trace.Spans.Select(span => span.SpanId));
            Assert.Equal(["", started[0].SpanId.ToHexString(), started[1].SpanId.ToHexString()], trace.Spans.Select(span => span.ParentSpanId));
            Assert.Equal(
                started.Select(activity => (activity.StartTimeUtc - started[0].StartTimeUtc).TotalMilliseconds),
                trace.Spans.Select(span => span.StartOffsetMs));
            Assert.Equal(started[0].Duration.TotalMilliseconds, trace.DurationMs, 3);
            Assert.All(trace.Spans, span => Assert.Equal("server", span.Kind));
            Assert.Equal([names.Frontend, names.Orders, names.Inventory], trace.Spans.Select(span => span.Scope));

            var summary = Assert.Single(await dashboard.GetJsonAsync<TraceSummary[]>("/api/traces"));
            Assert.Equal(("GET /checkout", "frontend", 3), (summary.RootName, summary.RootService, summary.SpanCount));
            Assert.Equal(["frontend", "inventory", "orders"], summary.Services);
            Assert.Equal(["frontend", "inventory", "orders"], await dashboard.GetJsonAsync<string[]>("/api/services"));
        }
    }

    [Fact]
    public async Task SpanWithErrorStatusEventAndTags_KeepsThemAsStrings()
    {
        await using var dashboard = await RunningDashboard.StartAsync();
        var sourceName = new SourceNames().Frontend;
        using var source = new ActivitySource(sourceName);
        string traceId;
        using (OtlpPeer.Tracer(dashboard.Host, OtlpExportProtocol.Grpc, "frontend", sourceName))
        {
            using var activity = source.StartActivity("Pay", ActivityKind.Client)!;
            traceId = activity.TraceId.ToHexString();
            activity.SetTag("order.id", 42);
            activity.SetTag("order.paid", false);
            activity.AddEvent(new ActivityEvent("retrying", tags: new ActivityTagsCollection { ["attempt"] = 2 }));
            activity.SetStatus(ActivityStatusCode.Error, "card declined");
        }

        var span = Assert.Single((await dashboard.GetJsonAsync<TraceDetail>($"/api/traces/{traceId}")).Spans);
        Assert.Equal(("client", "error", "card declined"), (span.Kind, span.Status, span.StatusMessage));
        Assert.Equal("42", span.Attributes["order.id"]);
        Assert.Equal("false", span.Attributes["order.paid"]);
        var retrying = Assert.Single(span.Events);
        Assert.Equal(("retrying", "2"), (retrying.Name, retrying.Attributes["attempt"]));
        Assert.True(Assert.Single(await dashboard.GetJsonAsync<TraceSummary[]>("/api/traces")).HasError);
    }

    [Fact]
    public async Task PastMaxTraces_TheOldestTraceIsGone()
    {
        await using var dashboard = await RunningDashboard.StartAsync(new StoreLimits { MaxTraces = 2 });
        var sourceName = new SourceNames().Frontend;
        using var source = new ActivitySource(sourceName);
        var traceIds = new List<string>();
        using (OtlpPeer.Tracer(dashboard.Host, OtlpExportProtocol.Grpc, "frontend", sourceName))
        {
            foreach (var name in new[] { "first", "second", "third" })
            {
                using var activity = source.StartActivity(name)!;
                traceIds.Add(activity.TraceId.ToHexString());
            }
        }

        using var evicted = await dashboard.Http.GetAsync($"/api/traces/{traceIds[0]}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, evicted.StatusCode);
        Assert.Equal(["third", "second"], (await dashboard.GetJsonAsync<TraceSummary[]>("/api/traces")).Select(trace => trace.RootName));
    }

    private static Activity Start(ActivitySource source, string name, ActivityKind kind, ActivityContext parent, List<Activity> started)
    {
        var activity = source.StartActivity(name, kind, parent)!;
        started.Add(activity);
        return activity;
    }
}
