using Grpc.Core;

namespace Khcn.Tests.Infrastructure;

/// <summary>
/// AIP-158: a page token continues the list it came from and no other; a call that changes the filter or the order under
/// it is refused on page_token instead of handing a page of another list.
/// </summary>
public static class PageTokenBinding
{
    /// <param name="listOnePerPage">Lists one resource a page with (filter, order_by, page_token); returns next_page_token.</param>
    /// <param name="filter">A filter matching at least two resources, so the first page has a next page.</param>
    /// <param name="otherFilter">Another filter to send with the first page's token.</param>
    /// <param name="otherOrderBy">Another order_by to send with the first page's token.</param>
    public static async Task AssertBoundToFilterAndOrderAsync(
        Func<string, string, string, Task<string>> listOnePerPage, string filter, string otherFilter, string otherOrderBy)
    {
        var token = await listOnePerPage(filter, "", "");
        Assert.NotEqual("", token);

        var underOtherFilter = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => listOnePerPage(otherFilter, "", token));
        var underOtherOrder = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => listOnePerPage(filter, otherOrderBy, token));

        Assert.Equal(["page_token"], RpcErrorAssert.ViolatedFields(underOtherFilter));
        Assert.Equal(["page_token"], RpcErrorAssert.ViolatedFields(underOtherOrder));
    }
}
