using System.Text.Json;

namespace Khcn.Tests.Browser;

/// <summary>An event Chromium pushed, e.g. Runtime.exceptionThrown; <see cref="SessionId"/> names the page it came from.</summary>
public sealed record CdpEvent(string Method, string? SessionId, JsonElement Parameters);
