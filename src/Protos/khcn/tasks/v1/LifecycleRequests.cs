namespace Khcn.Tasks.V1;

// The lifecycle requests of this package (their common fields: see Khcn.ILifecycleRequest).
public sealed partial class AcceptTaskRequest : ILifecycleRequest;

public sealed partial class AdjustTaskRequest : ILifecycleRequest;

public sealed partial class ApproveTaskRequest : ILifecycleRequest;

public sealed partial class ContractTaskRequest : ILifecycleRequest;

public sealed partial class ExtendTaskRequest : ILifecycleRequest;

public sealed partial class FailTaskRequest : ILifecycleRequest;

public sealed partial class ReplicateTaskRequest : ILifecycleRequest;

public sealed partial class SelectTaskRequest : ILifecycleRequest;

public sealed partial class StartTaskRequest : ILifecycleRequest;

public sealed partial class TerminateTaskRequest : ILifecycleRequest;
