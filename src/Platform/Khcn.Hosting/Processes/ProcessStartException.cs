namespace Khcn.Hosting.Processes;

/// <summary>A resource's program could not be started (not found, not executable).</summary>
internal sealed class ProcessStartException(string message, Exception? innerException = null) : Exception(message, innerException);
