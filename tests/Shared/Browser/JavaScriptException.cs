namespace Khcn.Tests.Browser;

/// <summary>An expression the test evaluated in the page threw (or its promise rejected).</summary>
public sealed class JavaScriptException(string message) : Exception(message);
