namespace Khcn.Provinces.V1;

// The lifecycle requests of this package (their common fields: see Khcn.ILifecycleRequest).
public sealed partial class AnswerRecommendationRequest : ILifecycleRequest;

public sealed partial class AssignRecommendationRequest : ILifecycleRequest;

public sealed partial class CompleteDirectiveRequest : ILifecycleRequest;

public sealed partial class DeclineRecommendationRequest : ILifecycleRequest;

public sealed partial class StartDirectiveRequest : ILifecycleRequest;

public sealed partial class StartRecommendationRequest : ILifecycleRequest;
