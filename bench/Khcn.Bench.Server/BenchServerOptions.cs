namespace Khcn.Bench.Server;

/// <summary>
/// Command line: <c>grpc|bare [--port N] [--payload-size N]</c> or <c>write-request FILE [--payload-size N]</c>.
/// Port 0 (the default) binds a free port; the bound address is printed as "LISTENING http://...".
/// </summary>
public sealed record BenchServerOptions(string Mode, int Port, int PayloadSize, string? OutputFile)
{
    public const string GrpcMode = "grpc";
    public const string BareMode = "bare";
    public const string WriteRequestMode = "write-request";

    public static BenchServerOptions Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException($"usage: {GrpcMode}|{BareMode} [--port N] [--payload-size N] | {WriteRequestMode} FILE [--payload-size N]");
        }

        var mode = args[0];
        string? outputFile = null;
        var next = 1;
        if (mode == WriteRequestMode)
        {
            outputFile = args.Length > 1 ? args[1] : throw new ArgumentException($"{WriteRequestMode} needs a FILE");
            next = 2;
        }
        else if (mode is not (GrpcMode or BareMode))
        {
            throw new ArgumentException($"unknown mode '{mode}'");
        }

        var port = 0;
        var payloadSize = BenchPayload.DefaultSize;
        for (var i = next; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? int.Parse(args[i + 1]) : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--port": port = value; break;
                case "--payload-size": payloadSize = value; break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return new BenchServerOptions(mode, port, payloadSize, outputFile);
    }
}
