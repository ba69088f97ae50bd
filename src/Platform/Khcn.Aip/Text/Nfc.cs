using System.Text;

namespace Khcn.Aip;

/// <summary>
/// Text enters storage in Unicode NFC: the same Vietnamese word typed with combining marks or precomposed
/// letters must compare, filter and fold identically.
/// </summary>
public static class Nfc
{
    public static string Of(string? text) => string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormC);
}
