namespace Khcn.IntellectualProperty.V1;

// The lifecycle requests of this package (their common fields: see Khcn.ILifecycleRequest).
public sealed partial class AcceptAssetRequest : ILifecycleRequest;

public sealed partial class ExpireAssetRequest : ILifecycleRequest;

public sealed partial class GrantAssetRequest : ILifecycleRequest;

public sealed partial class InvalidateAssetRequest : ILifecycleRequest;

public sealed partial class PublishAssetRequest : ILifecycleRequest;

public sealed partial class RefuseAssetRequest : ILifecycleRequest;

public sealed partial class RenewAssetRequest : ILifecycleRequest;

public sealed partial class StartAssetFormalityExaminationRequest : ILifecycleRequest;

public sealed partial class StartAssetSubstantiveExaminationRequest : ILifecycleRequest;

public sealed partial class TerminateAssetRequest : ILifecycleRequest;

public sealed partial class WithdrawAssetRequest : ILifecycleRequest;
