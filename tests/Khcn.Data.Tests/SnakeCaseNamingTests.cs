using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Khcn.Data.Tests;

public sealed class SnakeCaseNamingTests
{
    [Theory]
    [InlineData("CreateTime", "create_time")]
    [InlineData("Books", "books")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("IPAddress", "ip_address")]
    [InlineData("PK_Books", "pk_books")]
    [InlineData("FK_Books_Shelves_ShelfId", "fk_books_shelves_shelf_id")]
    [InlineData("Version2Name", "version2_name")]
    [InlineData("already_snake", "already_snake")]
    public void Pascal_case_names_become_snake_case(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNaming.ToSnakeCase(name));

    [Fact]
    public void Model_tables_columns_keys_foreign_keys_and_indexes_are_snake_case()
    {
        using var db = new LibraryDbContext(new DbContextOptionsBuilder<LibraryDbContext>().UseKhcnSqlite(Path.Combine(Path.GetTempPath(), "unused.db")).Options);
        var model = db.GetService<IDesignTimeModel>().Model;
        var book = model.FindEntityType(typeof(Book))!;

        Assert.Equal("books", book.GetTableName());
        Assert.Equal("create_time", book.FindProperty(nameof(Book.CreateTime))!.GetColumnName());
        Assert.Equal("shelf_id", book.FindProperty(nameof(Book.ShelfId))!.GetColumnName());
        Assert.Equal("pk_books", book.FindPrimaryKey()!.GetName());
        Assert.Equal("fk_books_shelves_shelf_id", book.GetForeignKeys().Single().GetConstraintName());
        Assert.Contains("ix_books_title", book.GetIndexes().Select(i => i.GetDatabaseName()));
        Assert.Equal("idempotency_records", model.FindEntityType(typeof(IdempotencyRecord))!.GetTableName());
    }
}
