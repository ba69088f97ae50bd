using Microsoft.Extensions.Options;

namespace Khcn.ServiceDefaults.Security.ClientCertificates;

/// <summary>Refuses to start with mutual TLS switched on but nothing to check certificates against.</summary>
internal sealed class ClientCertificateOptionsValidation : IValidateOptions<ClientCertificateOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientCertificateOptions options)
    {
        if (options.EffectiveMode == ClientCertificateRequirement.Off)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.TrustedAuthorities))
        {
            return ValidateOptionsResult.Fail(
                $"{ClientCertificateOptions.SectionName}:Mode is {options.EffectiveMode} but " +
                $"{ClientCertificateOptions.SectionName}:TrustedAuthorities names no CA bundle to check client certificates against.");
        }

        if (!File.Exists(options.TrustedAuthorities))
        {
            return ValidateOptionsResult.Fail(
                $"{ClientCertificateOptions.SectionName}:TrustedAuthorities '{options.TrustedAuthorities}' does not exist.");
        }

        return ValidateOptionsResult.Success;
    }
}
