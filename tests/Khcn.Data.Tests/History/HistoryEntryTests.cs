using Google.Protobuf.WellKnownTypes;
using Khcn.Aip;

namespace Khcn.Data.Tests.History;

public sealed class HistoryEntryTests
{
    private static readonly DateTime EventTime = new(2025, 7, 1, 8, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime RecordTime = new(2025, 7, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AnEntryKeepsWhoWhenAndWhyOfItsTransition()
    {
        var transition = new Transition("Sở KHCN Lai Châu", EventTime, "Đổi tên theo Quyết định", "QĐ 123/QĐ-UBND", RecordTime);

        var entry = new ShelfHistoryEntry("fiction", new(ShelfEventType.Renamed, ShelfState.Open, ShelfState.Closed, transition, [], new Empty()));

        Assert.Equal(
            ("fiction", ShelfEventType.Renamed, ShelfState.Open, ShelfState.Closed, "Sở KHCN Lai Châu", EventTime, "Đổi tên theo Quyết định", "QĐ 123/QĐ-UBND", RecordTime),
            (entry.ShelfId, entry.Type, entry.PreviousState, entry.NewState, entry.Actor, entry.EventTime, entry.Reason, entry.DocumentReference, entry.RecordTime));
    }

    [Fact]
    public void TheChangedFieldsComeBackAsTheFieldMaskTheyWereRecordedFrom()
    {
        var entry = new ShelfHistoryEntry(
            "fiction",
            new(ShelfEventType.Renamed, ShelfState.Open, ShelfState.Open, ShelfHistoryDbContext.At(EventTime), ["display_name", "labels"], new Empty()));

        Assert.Equal("display_name,labels", entry.ChangedFields);
        Assert.Equal(["display_name", "labels"], entry.ChangedFieldMask().Paths);
    }

    [Fact]
    public void AnEntryWithoutChangedFieldsHasAnEmptyMask()
    {
        var entry = new ShelfHistoryEntry(
            "fiction", new(ShelfEventType.Created, ShelfState.Unspecified, ShelfState.Open, ShelfHistoryDbContext.At(EventTime), [], new Empty()));

        Assert.Empty(entry.ChangedFieldMask().Paths);
    }

    [Fact]
    public void TheSnapshotIsTheResourceAsSerializedRightAfterTheChange()
    {
        var resource = new Api { Name = "shelves/fiction", Version = "Tiểu thuyết" };

        var entry = new ShelfHistoryEntry(
            "fiction", new(ShelfEventType.Created, ShelfState.Unspecified, ShelfState.Open, ShelfHistoryDbContext.At(EventTime), [], resource));
        resource.Version = "changed afterwards";

        Assert.Equal(new Api { Name = "shelves/fiction", Version = "Tiểu thuyết" }, Api.Parser.ParseFrom(entry.Snapshot));
    }

    [Fact]
    public void TheEventIdIsTheSequenceInDecimal()
    {
        var entry = new ShelfHistoryEntry(
            "fiction", new(ShelfEventType.Created, ShelfState.Unspecified, ShelfState.Open, ShelfHistoryDbContext.At(EventTime), [], new Empty()))
        {
            Sequence = 1234567,
        };

        Assert.Equal("1234567", entry.EventId);
    }
}
