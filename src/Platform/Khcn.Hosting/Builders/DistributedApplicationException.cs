namespace Aspire.Hosting;

/// <summary>The app model is inconsistent (a duplicate name, a wait cycle) or a resource cannot be started.</summary>
public sealed class DistributedApplicationException(string message, Exception? innerException = null) : Exception(message, innerException);
