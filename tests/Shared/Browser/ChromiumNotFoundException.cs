namespace Khcn.Tests.Browser;

/// <summary>
/// No Chromium to run the browser tests with. Not a skip: CI installs it, so a missing browser is a broken machine.
/// </summary>
public sealed class ChromiumNotFoundException(string message) : Exception(message);
