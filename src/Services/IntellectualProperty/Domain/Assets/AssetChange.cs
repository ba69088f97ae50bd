using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>
/// What one lifecycle verb did to an asset: the states before and after and the asset fields it changed (field-mask
/// paths of khcn.ip.v1.Asset, in contract order). The history records it as one event.
/// </summary>
public sealed record AssetChange(AssetVerb Verb, State PreviousState, State NewState, IReadOnlyList<string> ChangedFields);
