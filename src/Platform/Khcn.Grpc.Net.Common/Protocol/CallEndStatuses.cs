using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// The statuses both ends report when a call ends for a reason outside the handler: its deadline passed or the
/// client cancelled it. One definition keeps the client's and the server's wording the same.
/// </summary>
public static class CallEndStatuses
{
    public static readonly Status DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    public static readonly Status CancelledByClient = new(StatusCode.Cancelled, "Call canceled by the client.");
}
