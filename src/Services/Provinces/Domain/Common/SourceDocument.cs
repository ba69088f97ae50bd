namespace Khcn.Provinces.Domain.Common;

/// <summary>Where a fact was read: the published document, never its sentences.</summary>
public sealed record SourceDocument(
    string DocumentId,
    string Title,
    string Author,
    int PublishDate,
    string Uri);
