using Khcn.Aip;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.Assets;

/// <summary>The Asset resource's own failures, with the ErrorInfo reasons the contract documents.</summary>
public static class AssetErrors
{
    public const string MarkTypeRequiredReason = "MARK_TYPE_REQUIRED";
    public const string DuplicateApplicationNumberReason = "DUPLICATE_APPLICATION_NUMBER";
    public const string ClosedReason = "ASSET_CLOSED";
    public const string NotDeletableReason = "ASSET_NOT_DELETABLE";

    /// <summary>A required request field is absent, e.g. <c>asset</c>.</summary>
    public static ApiException Missing(string field) =>
        ApiException.InvalidArgument($"{field} is required.", new FieldViolation(field, "is required"));

    /// <summary>ALREADY_EXISTS naming the asset that holds <paramref name="applicationNumber"/>, so the client can go and read it.</summary>
    public static ApiException DuplicateApplicationNumber(string applicationNumber, string holderName) =>
        new(ApiErrorCode.AlreadyExists,
            DuplicateApplicationNumberReason,
            $"Application number \"{applicationNumber}\" is already recorded as {holderName}: the IP Office numbers each application once.",
            resourceType: AssetMapping.ResourceType,
            resourceName: holderName,
            metadata: new Dictionary<string, string> { ["application_number"] = applicationNumber });

    /// <summary>UpdateAsset on a refused, withdrawn, expired, terminated or invalidated asset: its record is final.</summary>
    public static ApiException Closed(string name, State state) =>
        ApiException.FailedPrecondition(
            ClosedReason,
            $"Asset \"{name}\" is {ProtoEnumNames.Of(state)}: its record is closed and UpdateAsset no longer changes it.",
            new Dictionary<string, string> { ["current_state"] = ProtoEnumNames.Of(state) },
            AssetMapping.ResourceType,
            name);

    /// <summary>DeleteAsset outside FILED: an application that went further is part of the record and is withdrawn instead.</summary>
    public static ApiException NotDeletable(string name, State state) =>
        ApiException.FailedPrecondition(
            NotDeletableReason,
            $"Asset \"{name}\" is {ProtoEnumNames.Of(state)}: only a FILED asset can be deleted; "
            + "an application under examination stays on record (see WithdrawAsset).",
            new Dictionary<string, string> { ["current_state"] = ProtoEnumNames.Of(state) },
            AssetMapping.ResourceType,
            name);
}
