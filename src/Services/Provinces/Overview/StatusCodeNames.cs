using System.Text;
using Grpc.Core;

namespace Khcn.Provinces.Overview;

/// <summary>gRPC status codes by their canonical names ("DEADLINE_EXCEEDED"), as MissingPart.status_code reports them.</summary>
public static class StatusCodeNames
{
    public static string Of(StatusCode code)
    {
        // StatusCode's members are the canonical names in PascalCase: DeadlineExceeded → DEADLINE_EXCEEDED, OK stays OK.
        var pascal = code.ToString();
        var name = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && char.IsLower(pascal[i - 1]))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(pascal[i]));
        }

        return name.ToString();
    }
}
