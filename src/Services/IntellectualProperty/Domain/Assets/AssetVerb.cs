namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>The lifecycle methods of an asset, one per custom method of the contract.</summary>
public enum AssetVerb
{
    StartFormalityExamination,
    Accept,
    Publish,
    StartSubstantiveExamination,
    Grant,
    Refuse,
    Renew,
    Expire,
    Terminate,
    Invalidate,
    Withdraw,
}
