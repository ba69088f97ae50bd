namespace Khcn.Hosting.Dashboard;

/// <summary>
/// The <c>AppHost:Dashboard</c> section: <c>Enabled</c> (default true), <c>Port</c> for the page and OTLP/HTTP
/// (default 18888, Aspire's) and <c>OtlpGrpcPort</c> (default 18889). A busy port falls back to a free one, so two
/// AppHosts can run side by side; 0 always takes a free one.
/// </summary>
internal sealed record DashboardSettings(int Port = DashboardSettings.DefaultPort, int OtlpGrpcPort = DashboardSettings.DefaultOtlpGrpcPort)
{
    public const int DefaultPort = 18888;
    public const int DefaultOtlpGrpcPort = 18889;
}
