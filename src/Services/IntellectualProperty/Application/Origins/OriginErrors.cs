using Khcn.Aip;

namespace Khcn.IntellectualProperty.Application.Origins;

/// <summary>The failures of the origin-task check, with the ErrorInfo reasons the contract documents.</summary>
public static class OriginErrors
{
    public const string OriginTaskNotFoundReason = "ORIGIN_TASK_NOT_FOUND";
    public const string HolderNotTaskHostReason = "HOLDER_NOT_TASK_HOST";
    public const string TasksUnavailableReason = "TASKS_UNAVAILABLE";

    /// <summary>The configuration setting of the Tasks service's address (Aspire's service-discovery convention).</summary>
    public const string AddressSetting = "services:tasks:http:0";

    /// <summary>
    /// UNAVAILABLE when the Tasks service cannot be asked about an origin task, naming the setting that gives its
    /// address and what it holds, so an operator sees at once whether it is missing or wrong.
    /// </summary>
    public static ApiException TasksUnavailable(string detail, string? configuredAddress, Exception? innerException)
    {
        var configured = configuredAddress is null ? "is not set" : $"is \"{configuredAddress}\"";
        return new ApiException(
            ApiErrorCode.Unavailable,
            TasksUnavailableReason,
            $"The Tasks service could not be reached to check the origin task ({detail}); its address, configuration "
            + $"setting '{AddressSetting}' (environment variable '{AddressSetting.Replace(":", "__", StringComparison.Ordinal)}'), {configured}.",
            metadata: new Dictionary<string, string> { ["address_setting"] = AddressSetting, ["service"] = "tasks" },
            innerException: innerException);
    }
}
