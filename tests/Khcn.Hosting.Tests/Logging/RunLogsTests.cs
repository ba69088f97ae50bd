using System.Globalization;
using System.Text.RegularExpressions;
using Khcn.Hosting.Logging;

namespace Khcn.Hosting.Tests.Logging;

public sealed partial class RunLogsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("khcn-hosting-logs-");

    private string LogDirectory => Path.Combine(_directory.FullName, "logs");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task WithoutColorTheConsoleGetsAPlainPaddedPrefix()
    {
        var console = new StringWriter { NewLine = "\n" };
        await using (var logs = new RunLogs(LogDirectory, console, color: false))
        {
            logs.For("redis").WriteLine("ready");
            logs.AppHost.WriteLine("started");
        }

        Assert.Equal("[redis]   ready\n[apphost] started\n", console.ToString());
    }

    [Fact]
    public async Task WithColorOnlyThePrefixIsWrappedInColourCodes()
    {
        var console = new StringWriter { NewLine = "\n" };
        await using (var logs = new RunLogs(LogDirectory, console, color: true))
        {
            logs.For("redis").WriteLine("ready");
            logs.AppHost.WriteLine("started");
        }

        Assert.Equal("\e[36m[redis]\e[0m   ready\n\e[1;37m[apphost]\e[0m started\n", console.ToString());
    }

    [Fact]
    public async Task ResourcesGetThePaletteRoundRobinAndTheAppHostStaysBoldWhite()
    {
        var console = new StringWriter { NewLine = "\n" };
        string[] names = ["r1", "r2", "r3", "r4", "r5", "r6", "r7"];
        await using (var logs = new RunLogs(LogDirectory, console, color: true))
        {
            foreach (var name in names)
            {
                logs.For(name).WriteLine("x");
            }

            logs.AppHost.WriteLine("x");
        }

        var styles = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[..(line.IndexOf("m[", StringComparison.Ordinal) + 1)]);
        Assert.Equal(["\e[36m", "\e[32m", "\e[35m", "\e[33m", "\e[34m", "\e[31m", "\e[36m", "\e[1;37m"], styles);
    }

    [Fact]
    public async Task TheTextOfDifferentResourcesStartsInTheSameColumn()
    {
        var console = new StringWriter { NewLine = "\n" };
        await using (var logs = new RunLogs(LogDirectory, console, color: true))
        {
            var shortName = logs.For("db");
            var longName = logs.For("provinces-api");
            shortName.WriteLine("one");
            longName.WriteLine("two");
            logs.AppHost.WriteLine("three");
        }

        var columns = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => SgrCode().Replace(line, ""))
            .Select(visible => visible.IndexOf(']') + 1 + visible[(visible.IndexOf(']') + 1)..].TakeWhile(c => c == ' ').Count())
            .Distinct();
        Assert.Equal(["[provinces-api] ".Length], columns);
    }

    [Fact]
    public async Task TheFileHasUtcTimestampsAndNoEscapeCodes()
    {
        await using var logs = new RunLogs(LogDirectory, new StringWriter(), color: true);
        var log = logs.For("redis");
        var before = TruncateToMilliseconds(DateTimeOffset.UtcNow);

        log.WriteLine("\e[31mred\e[0m and \e]0;title\a\e[2Kplain");
        var after = DateTimeOffset.UtcNow;

        var line = Assert.Single(ReadShared(log.FilePath));
        var match = FileLine().Match(line);
        Assert.True(match.Success, $"Unexpected file line: {line}");
        Assert.Equal("red and plain", match.Groups["text"].Value);
        var timestamp = DateTimeOffset.ParseExact(match.Groups["timestamp"].Value, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(timestamp, before, after);
    }

    [Fact]
    public async Task TheFileGetsEachLineBeforeTheLogsAreDisposed()
    {
        await using var logs = new RunLogs(LogDirectory, new StringWriter(), color: false);
        var log = logs.For("redis");

        log.WriteLine("first");
        log.WriteLine("second");

        Assert.Equal(["first", "second"], ReadShared(log.FilePath).Select(TextOf));
        Assert.Equal(Path.Combine(logs.Directory, "redis.log"), log.FilePath);
    }

    [Fact]
    public async Task WithColorTheConsoleKeepsTheChildsColoursAndResetsThemAtTheEndOfTheLine()
    {
        var colored = new StringWriter { NewLine = "\n" };
        var plain = new StringWriter { NewLine = "\n" };
        await using (var logs = new RunLogs(LogDirectory, colored, color: true))
        {
            logs.For("api").WriteLine("\e[1;31mfail\e[39m: boom\e[2J");
        }

        await using (var logs = new RunLogs(Path.Combine(_directory.FullName, "plain"), plain, color: false))
        {
            logs.For("api").WriteLine("\e[1;31mfail\e[39m: boom\e[2J");
        }

        Assert.EndsWith(" \e[1;31mfail\e[39m: boom\e[0m\n", colored.ToString(), StringComparison.Ordinal);
        Assert.Equal("[api]     fail: boom\n", plain.ToString());
    }

    [Fact]
    public async Task ControlCharactersOtherThanTabAreRemovedFromConsoleAndFile()
    {
        var console = new StringWriter { NewLine = "\n" };
        string filePath;
        await using (var logs = new RunLogs(LogDirectory, console, color: false))
        {
            var log = logs.For("api");
            filePath = log.FilePath;
            log.WriteLine("a\bb\tc\u0007d\re\0f\u009bg");
        }

        Assert.Equal("[api]     ab\tcdefg\n", console.ToString());
        Assert.Equal(["ab\tcdefg"], File.ReadAllLines(filePath).Select(TextOf));
    }

    [Fact]
    public async Task TheSameNameGivesTheSameLog()
    {
        await using var logs = new RunLogs(LogDirectory, new StringWriter(), color: false);

        Assert.Same(logs.For("redis"), logs.For("redis"));
        Assert.Same(logs.For("redis"), logs.For("Redis"));
        Assert.Same(logs.AppHost, logs.For(RunLogs.AppHostName));
        Assert.NotSame(logs.For("redis"), logs.For("postgres"));
    }

    [Fact]
    public async Task ConcurrentWritersProduceWholeLinesOnly()
    {
        const int threads = 8;
        const int linesPerThread = 400;
        var console = new CharByCharWriter { NewLine = "\n" };
        var files = new Dictionary<string, string>();
        await using (var logs = new RunLogs(LogDirectory, console, color: true))
        {
            var resourceLogs = Enumerable.Range(0, threads / 2).Select(i => logs.For($"w{i}")).ToList();
            foreach (var log in resourceLogs)
            {
                files[log.Name] = log.FilePath;
            }

            using var start = new Barrier(threads);
            var writers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
            {
                var log = resourceLogs[t % resourceLogs.Count];
                start.SignalAndWait();
                for (var i = 0; i < linesPerThread; i++)
                {
                    log.WriteLine($"thread-{t}-line-{i} {new string('x', 60)}");
                }
            }, TaskCreationOptions.LongRunning)).ToList();
            await Task.WhenAll(writers);
        }

        var consoleLines = console.Lines();
        Assert.Equal(threads * linesPerThread, consoleLines.Count);
        Assert.All(consoleLines, line => Assert.Matches(WholeConsoleLine(), line));
        foreach (var (name, path) in files)
        {
            var fileLines = File.ReadAllLines(path);
            Assert.Equal(2 * linesPerThread, fileLines.Length);
            Assert.All(fileLines, line => Assert.Matches(WholeFileLine(), line));
            Assert.All(consoleLines.Where(line => line.Contains($"[{name}]", StringComparison.Ordinal)), line =>
                Assert.Contains(ThreadOf(line), new[] { int.Parse(name[1..]), int.Parse(name[1..]) + threads / 2 }));
        }
    }

    [Fact]
    public async Task AfterDisposeTheFilesAreClosedAndFurtherLinesReachOnlyTheConsole()
    {
        var console = new StringWriter { NewLine = "\n" };
        var logs = new RunLogs(LogDirectory, console, color: false);
        var log = logs.For("api");
        log.WriteLine("before");

        await logs.DisposeAsync();
        log.WriteLine("after");

        Assert.Equal(["before"], File.ReadAllLines(log.FilePath).Select(TextOf));
        Assert.EndsWith("after\n", console.ToString(), StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => logs.For("other"));
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));

    private static string TextOf(string fileLine) => FileLine().Match(fileLine).Groups["text"].Value;

    private static int ThreadOf(string consoleLine) => int.Parse(ThreadNumber().Match(consoleLine).Groups[1].Value);

    private static IReadOnlyList<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"^(?<timestamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) (?<text>.*)$")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"\e\[[0-9;]*m")]
    private static partial Regex SgrCode();

    [GeneratedRegex(@"^\e\[3[0-9]m\[w[0-9]\]\e\[0m +thread-[0-9]+-line-[0-9]+ x{60}$")]
    private static partial Regex WholeConsoleLine();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z thread-[0-9]+-line-[0-9]+ x{60}$")]
    private static partial Regex WholeFileLine();

    [GeneratedRegex(@"thread-([0-9]+)-")]
    private static partial Regex ThreadNumber();
}
