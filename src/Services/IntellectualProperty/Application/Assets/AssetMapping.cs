using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Application.Assets;

/// <summary>IpAsset entity ⇄ contract message. Pure: shared by the use cases, the history and the seeds.</summary>
public static class AssetMapping
{
    public const string ResourceType = AssetLifecycle.ResourceType;

    /// <summary>An OCOP certificate is valid 36 months from its date.</summary>
    public const int OcopValidityMonths = 36;

    public static readonly ResourceNamePattern Names = new("assets/{asset}");

    public static Asset ToProto(IpAsset entity)
    {
        var asset = new Asset
        {
            Name = Names.Format(entity.Id),
            Kind = entity.Kind,
            MarkType = entity.MarkType,
            Title = entity.Title,
            Holder = new Holder { DisplayName = entity.HolderName, Kind = entity.HolderKind, Address = entity.HolderAddress },
            ProvinceCode = entity.ProvinceCode,
            ApplicationNumber = entity.ApplicationNumber,
            FilingDate = ProtoConvert.ToDate(entity.FilingDate),
            Representation = entity.Representation,
            Priority = entity.PriorityCountryCode.Length == 0 && entity.PriorityApplicationNumber.Length == 0 && entity.PriorityDate == 0
                ? null
                : new Priority
                {
                    CountryCode = entity.PriorityCountryCode,
                    ApplicationNumber = entity.PriorityApplicationNumber,
                    Date = ProtoConvert.ToDate(entity.PriorityDate),
                },
            PublicationDate = ProtoConvert.ToDate(entity.PublicationDate),
            GrantNumber = entity.GrantNumber,
            GrantDate = ProtoConvert.ToDate(entity.GrantDate),
            ExpiryDate = ProtoConvert.ToDate(entity.ExpiryDate),
            RenewalWindowStart = ProtoConvert.ToDate(entity.RenewalWindowStart),
            GracePeriodEnd = ProtoConvert.ToDate(entity.GracePeriodEnd),
            RenewalCount = entity.RenewalCount,
            Ocop = entity.OcopStars == 0 ? null : new OcopRating
            {
                Stars = entity.OcopStars,
                CertifiedDate = ProtoConvert.ToDate(entity.OcopCertifiedDate),
                ExpiryDate = entity.OcopCertifiedDate == 0
                    ? null
                    : ProtoConvert.ToDate(AssetDates.ToSortable(AssetDates.ToDate(entity.OcopCertifiedDate)?.AddMonths(OcopValidityMonths))),
            },
            OriginTask = entity.OriginTask,
            State = entity.State,
            Etag = Etags.For(entity.Version),
            CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
            UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
        };
        asset.NiceClasses.AddRange(entity.NiceClasses);
        return asset;
    }

    /// <summary>
    /// Copies the descriptive (client-writable) fields of <paramref name="asset"/> onto <paramref name="entity"/>, in NFC,
    /// and recomputes the derived columns. Validation is the caller's; kind, state, lifecycle dates and times are left
    /// alone.
    /// </summary>
    public static void ApplyDescription(Asset asset, IpAsset entity)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(entity);
        entity.MarkType = asset.MarkType;
        entity.Title = Nfc.Of(asset.Title);
        entity.HolderName = Nfc.Of(asset.Holder?.DisplayName);
        entity.HolderKind = asset.Holder?.Kind ?? default;
        entity.HolderAddress = Nfc.Of(asset.Holder?.Address);
        entity.ProvinceCode = asset.ProvinceCode;
        entity.ApplicationNumber = Nfc.Of(asset.ApplicationNumber).Trim();
        entity.FilingDate = ProtoConvert.ToSortable(asset.FilingDate);
        entity.NiceClasses = [.. asset.NiceClasses.Distinct().Order()];
        entity.Representation = asset.Representation;
        entity.PriorityCountryCode = (asset.Priority?.CountryCode ?? "").ToUpperInvariant();
        entity.PriorityApplicationNumber = Nfc.Of(asset.Priority?.ApplicationNumber);
        entity.PriorityDate = ProtoConvert.ToSortable(asset.Priority?.Date);
        entity.OcopStars = asset.Ocop?.Stars ?? 0;
        entity.OcopCertifiedDate = ProtoConvert.ToSortable(asset.Ocop?.CertifiedDate);
        entity.OriginTask = asset.OriginTask;
        RefreshDerived(entity);
    }

    /// <summary>Recomputes the stored derived columns (filing year, class tokens, folded texts, the term) after any change.</summary>
    public static void RefreshDerived(IpAsset entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.FilingYear = entity.FilingDate / 10_000;
        entity.NiceClassTokens = entity.NiceClasses.Count == 0 ? "" : $"|{string.Join('|', entity.NiceClasses)}|";
        entity.FoldedTitle = TextFolding.Fold(entity.Title);
        entity.FoldedHolderName = TextFolding.Fold(entity.HolderName);
        entity.SearchText = TextFolding.Fold(string.Join(
            ' ', entity.Title, entity.HolderName, entity.ApplicationNumber, entity.GrantNumber));

        entity.StoreTerm();
    }
}
