namespace Khcn.ProvinceReference;

/// <summary>Why a province code is refused: an ErrorInfo reason and a sentence for the field violation.</summary>
/// <param name="Reason">One of <see cref="NotFound"/>, <see cref="Closed"/>, <see cref="NotYetValid"/>.</param>
/// <param name="Description">Says what is wrong and, for a closed code, which code records use instead.</param>
public sealed record ProvinceCodeProblem(string Reason, string Description)
{
    /// <summary>No unit ever had the code.</summary>
    public const string NotFound = "PROVINCE_NOT_FOUND";

    /// <summary>The code was closed (folded into another unit) before the date.</summary>
    public const string Closed = "PROVINCE_CODE_CLOSED";

    /// <summary>The code was created after the date.</summary>
    public const string NotYetValid = "PROVINCE_CODE_NOT_YET_VALID";
}
