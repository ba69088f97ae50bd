using System.Diagnostics;
using Khcn.Security.Tokens;

namespace Khcn.Bench.SecureEcho;

/// <summary>
/// The validator alone, outside the server: what reading the Authorization header and validating its token cost per
/// call, with the validated-token cache on (every call after the first is a hit) and off (every call in full).
/// One thread, so CPU per call is the validator's own; run.sh prints it under the results.
/// </summary>
public static class ValidatorLoop
{
    public static async Task RunAsync(string credentials)
    {
        foreach (var (token, cacheEntries, calls) in new[] { ("rs256", 10_000, 1_000_000), ("es256", 10_000, 1_000_000), ("rs256", 0, 10_000), ("es256", 0, 10_000) })
        {
            var header = "Bearer " + File.ReadAllText(Path.Combine(credentials, token + ".jwt")).Trim();
            var validator = new BearerTokenValidator(new JwtValidationOptions
            {
                Issuers = [BenchCredentials.Issuer],
                Audience = BenchCredentials.Audience,
                SigningKeys = [Path.Combine(credentials, "rsa.pub.pem"), Path.Combine(credentials, "ec.pub.pem")],
                TokenCache = new ValidatedTokenCacheOptions { MaxEntries = cacheEntries },
            });
            await ValidateAsync(validator, header, calls / 10);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await ValidateAsync(validator, header, calls);
            var wall = clock.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            Console.WriteLine($"VALIDATOR token={token} cache={(cacheEntries > 0 ? "on" : "off")} calls={calls}"
                + $" wall_us_per_call={wall.TotalMicroseconds / calls:F2} cpu_us_per_call={cpu.TotalMicroseconds / calls:F2}");
        }
    }

    private static async Task ValidateAsync(BearerTokenValidator validator, string header, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            if (!BearerToken.TryRead(header, out var token) || !(await validator.ValidateAsync(token)).IsAccepted)
            {
                throw new InvalidOperationException("the bench token was refused");
            }
        }
    }
}
