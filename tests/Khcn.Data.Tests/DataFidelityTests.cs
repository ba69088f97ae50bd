using System.Text;
using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests;

public sealed class DataFidelityTests
{
    private const string VietnameseTitle =
        "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế: Đề tài “Ứng dụng công nghệ sinh học trong bảo tồn giống lúa đặc sản” — nghiệm thu năm 2024";

    [Theory, BothProviders]
    public async Task Vietnamese_text_round_trips_exactly_and_stays_nfc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var title = VietnameseTitle.Normalize(NormalizationForm.FormC);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            db.Books.Add(new Book { Id = "b1", Title = title, CreateTime = DateTime.UtcNow, Version = 1 });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var stored = await check.Books.SingleAsync(b => b.Title == title);

        Assert.Equal(Encoding.UTF8.GetBytes(title), Encoding.UTF8.GetBytes(stored.Title));
        Assert.True(stored.Title.IsNormalized(NormalizationForm.FormC));
    }

    [Theory, BothProviders]
    public async Task Date_times_come_back_as_the_same_utc_instant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var created = new DateTime(2025, 3, 1, 8, 30, 15, 123, DateTimeKind.Utc);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            db.Books.Add(new Book { Id = "b1", Title = "t", CreateTime = created, Version = 1 });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var stored = await check.Books.SingleAsync();

        Assert.Equal(DateTimeKind.Utc, stored.CreateTime.Kind);
        Assert.Equal(created, stored.CreateTime);
    }
}
