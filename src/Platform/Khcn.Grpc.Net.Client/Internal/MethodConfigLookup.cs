using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// Finds the <see cref="MethodConfig"/> of a method with the service-config precedence:
/// exact service/method name, then service-wide name, then the default name.
/// </summary>
internal sealed class MethodConfigLookup
{
    private readonly Dictionary<(string Service, string Method), MethodConfig> _configs = [];

    public MethodConfigLookup(ServiceConfig? serviceConfig)
    {
        if (serviceConfig is null)
        {
            return;
        }

        foreach (var config in serviceConfig.MethodConfigs)
        {
            foreach (var name in config.Names)
            {
                if (string.IsNullOrEmpty(name.Service) && !string.IsNullOrEmpty(name.Method))
                {
                    throw new InvalidOperationException($"Method name '{name.Method}' has no service; a service is required when a method is given.");
                }

                var key = (name.Service ?? string.Empty, name.Method ?? string.Empty);
                if (!_configs.TryAdd(key, config))
                {
                    throw new InvalidOperationException($"Duplicate method config for service '{key.Item1}', method '{key.Item2}'.");
                }
            }
        }
    }

    public MethodConfig? Find(IMethod method)
    {
        if (_configs.Count == 0)
        {
            return null;
        }

        if (_configs.TryGetValue((method.ServiceName, method.Name), out var config)
            || _configs.TryGetValue((method.ServiceName, string.Empty), out config)
            || _configs.TryGetValue((string.Empty, string.Empty), out config))
        {
            return config;
        }

        return null;
    }
}
