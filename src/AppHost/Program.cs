using System.Runtime.InteropServices;
using Khcn.AppHost;

// Interim launcher until the AppHost issue (#7) brings the Aspire-style app model, health waits, restarts and the
// dashboard: builds the three services once, starts them wired to each other by Aspire's configuration conventions
// (services__<name>__http__0), streams their logs with a resource prefix, and stops them all on Ctrl+C or SIGTERM.
var root = RepositoryRoot.Find();
ServiceProcess[] services =
[
    new("provinces", "src/Services/Provinces", "Khcn.Provinces", 5101, ConsoleColor.Cyan),
    new("tasks", "src/Services/Tasks", "Khcn.Tasks", 5102, ConsoleColor.Green),
    new("ip", "src/Services/IntellectualProperty", "Khcn.IntellectualProperty", 5103, ConsoleColor.Magenta),
];
var discovery = services.ToDictionary(s => $"services__{s.Name}__http__0", s => s.Url);

foreach (var service in services)
{
    if (await service.BuildAsync(root) != 0)
    {
        Console.Error.WriteLine($"apphost: building {service.Name} failed");
        return 1;
    }
}

using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

foreach (var service in services)
{
    service.Start(root, discovery);
}

foreach (var service in services)
{
    Console.WriteLine($"apphost: {service.Name,-10} {service.Url}");
}

Console.WriteLine("apphost: health check, e.g. /usr/bin/python3 -c \"import grpc; print(grpc.insecure_channel('127.0.0.1:5101').unary_unary('/grpc.health.v1.Health/Check')(b''))\"");
Console.WriteLine("apphost: Ctrl+C stops every service");

try
{
    await Task.WhenAny(services.Select(s => s.Exited).Append(Task.Delay(Timeout.Infinite, stopping.Token)));
}
catch (OperationCanceledException)
{
}

foreach (var service in services)
{
    await service.StopAsync();
}

return 0;
