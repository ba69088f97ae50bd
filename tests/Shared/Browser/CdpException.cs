namespace Khcn.Tests.Browser;

/// <summary>Chromium answered a DevTools Protocol command with an error, or the connection closed under it.</summary>
public sealed class CdpException(string message) : Exception(message);
