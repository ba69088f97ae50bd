using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.V1;
using Khcn.Aip;

namespace Khcn.Provinces.Application.Common;

/// <summary>The contract's Source and DateRange as stored values; shared by engagements and reported figures.</summary>
public static class SourceMapping
{
    public static SourceDocument ToDocument(Source? source) =>
        new(
            Nfc.Of(source?.DocumentId),
            Nfc.Of(source?.Title),
            Nfc.Of(source?.Author),
            ProtoConvert.ToSortable(source?.PublishDate),
            source?.Uri ?? "");

    public static Source ToProto(SourceDocument document)
    {
        var source = new Source
        {
            DocumentId = document.DocumentId,
            Title = document.Title,
            Author = document.Author,
            Uri = document.Uri,
        };
        if (ProtoConvert.ToDate(document.PublishDate) is { } published)
        {
            source.PublishDate = published;
        }

        return source;
    }

    /// <summary>A stored period as DateRange, or null when neither end is set.</summary>
    public static DateRange? ToDateRange(int start, int end)
    {
        if (start == 0 && end == 0)
        {
            return null;
        }

        var range = new DateRange();
        if (ProtoConvert.ToDate(start) is { } startDate)
        {
            range.StartDate = startDate;
        }

        if (ProtoConvert.ToDate(end) is { } endDate)
        {
            range.EndDate = endDate;
        }

        return range;
    }
}
