using Khcn.Dashboard.Store;
using static Khcn.Dashboard.Tests.Infrastructure.OtlpRequests;

namespace Khcn.Dashboard.Tests.Store;

public sealed class TelemetryStoreTraceTests
{
    [Fact]
    public void SpansOfOneTrace_FromSeveralBatchesAndServices_MergeIntoOneTraceOrderedByStart()
    {
        var store = new TelemetryStore(new StoreLimits());

        store.Add(Traces("inventory", Span(1, 3, 2, "reserve", startMs: 20, endMs: 30)));
        store.Add(Traces("orders", Span(1, 2, 1, "call inventory", startMs: 10, endMs: 40)));
        store.Add(Traces("frontend", Span(1, 1, null, "GET /checkout", startMs: 0, endMs: 50)));

        var trace = store.Trace(Hex(TraceId(1)))!;
        Assert.Equal(["GET /checkout", "call inventory", "reserve"], trace.Spans.Select(span => span.Name));
        Assert.Equal([0.0, 10.0, 20.0], trace.Spans.Select(span => span.StartOffsetMs));
        Assert.Equal(["frontend", "orders", "inventory"], trace.Spans.Select(span => span.Service));
        Assert.Equal(50, trace.DurationMs, 9);
        var summary = Assert.Single(store.Traces());
        Assert.Equal(("GET /checkout", "frontend", 3), (summary.RootName, summary.RootService, summary.SpanCount));
        Assert.Equal(["frontend", "inventory", "orders"], summary.Services);
    }

    [Fact]
    public void TraceWithoutItsRootYet_IsSummarisedByItsEarliestSpan()
    {
        var store = new TelemetryStore(new StoreLimits());

        store.Add(Traces("inventory", Span(1, 3, 2, "reserve", startMs: 20, endMs: 30), Span(1, 4, 2, "commit", startMs: 31, endMs: 35)));

        Assert.Equal("reserve", Assert.Single(store.Traces()).RootName);
    }

    [Fact]
    public void PastMaxTraces_TheFirstReceivedTraceIsEvicted()
    {
        var store = new TelemetryStore(new StoreLimits { MaxTraces = 2 });

        store.Add(Traces("a", Span(1, 1, null, "first", 0, 1)));
        store.Add(Traces("a", Span(2, 1, null, "second", 1, 2)));
        store.Add(Traces("a", Span(3, 1, null, "third", 2, 3)));

        Assert.Null(store.Trace(Hex(TraceId(1))));
        Assert.Equal(["third", "second"], store.Traces().Select(trace => trace.RootName));
    }

    [Fact]
    public void PastMaxSpansPerTrace_LaterSpansAreDropped_AndARetriedSpanIsKeptOnce()
    {
        var store = new TelemetryStore(new StoreLimits { MaxSpansPerTrace = 2 });
        var root = Span(1, 1, null, "root", 0, 10);

        store.Add(Traces("a", root));
        store.Add(Traces("a", root));
        store.Add(Traces("a", Span(1, 2, 1, "child", 1, 2), Span(1, 3, 1, "one too many", 2, 3)));

        Assert.Equal(["root", "child"], store.Trace(Hex(TraceId(1)))!.Spans.Select(span => span.Name));
    }

    [Fact]
    public void Traces_AreNewestFirstByStart_AndFilterByServiceAndSpanName()
    {
        var store = new TelemetryStore(new StoreLimits());
        store.Add(Traces("orders", Span(1, 1, null, "GET /orders", 100, 110)));
        store.Add(Traces("frontend", Span(2, 1, null, "GET /home", 300, 310)));
        store.Add(Traces("orders", Span(3, 1, null, "POST /orders", 200, 210)));

        Assert.Equal(["GET /home", "POST /orders", "GET /orders"], store.Traces().Select(trace => trace.RootName));
        Assert.Equal(["POST /orders", "GET /orders"], store.Traces(service: "orders").Select(trace => trace.RootName));
        Assert.Equal(["POST /orders"], store.Traces(search: "post").Select(trace => trace.RootName));
        Assert.Equal(["GET /home"], store.Traces(limit: 1).Select(trace => trace.RootName));
    }

    [Fact]
    public void Ids_AreLowercaseHex_AndStatusKindAndAttributesAreStrings()
    {
        var store = new TelemetryStore(new StoreLimits());
        var span = Span(0xABC, 0xDEF, null, "work", 0, 1);
        span.Status = new OpenTelemetry.Proto.Trace.V1.Status { Code = OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode.Error, Message = "boom" };
        span.Kind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server;
        span.Attributes.Add(new OpenTelemetry.Proto.Common.V1.KeyValue { Key = "ratio", Value = new() { DoubleValue = 0.5 } });
        span.Attributes.Add(new OpenTelemetry.Proto.Common.V1.KeyValue { Key = "ok", Value = new() { BoolValue = true } });
        span.Attributes.Add(new OpenTelemetry.Proto.Common.V1.KeyValue
        {
            Key = "tags",
            Value = new() { ArrayValue = new() { Values = { new OpenTelemetry.Proto.Common.V1.AnyValue { StringValue = "x" }, new OpenTelemetry.Proto.Common.V1.AnyValue { IntValue = 2 } } } },
        });

        store.Add(Traces("a", span));

        var view = Assert.Single(store.Trace("00000000000000000000000000000ABC")!.Spans);
        Assert.Equal("0000000000000def", view.SpanId);
        Assert.Equal(("server", "error", "boom"), (view.Kind, view.Status, view.StatusMessage));
        Assert.Equal("0.5", view.Attributes["ratio"]);
        Assert.Equal("true", view.Attributes["ok"]);
        Assert.Equal("""["x",2]""", view.Attributes["tags"]);
        Assert.True(Assert.Single(store.Traces()).HasError);
    }

    [Fact]
    public void ResourceWithoutServiceName_IsUnknownService()
    {
        var store = new TelemetryStore(new StoreLimits());
        var request = Traces("ignored", Span(1, 1, null, "work", 0, 1));
        request.ResourceSpans[0].Resource.Attributes.Clear();

        store.Add(request);

        Assert.Equal("unknown_service", Assert.Single(store.Traces()).RootService);
        Assert.Equal(["unknown_service"], store.Services());
    }
}
