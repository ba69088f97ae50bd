using Khcn.Audit;
using Khcn.Data;
using Khcn.Provinces;
using Khcn.Provinces.Data;
using Khcn.Provinces.Grpc;
using Khcn.Provinces.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddKhcnDatabase<ProvincesDbContext>("provincesdb");
builder.AddAuditLog<ProvincesDbContext>();
builder.AddProvincesApplication();

var app = builder.Build();

await app.MigrateDatabaseAsync<ProvincesDbContext>();
await app.LoadSeedsAsync();

app.MapDefaultEndpoints();
app.MapGrpcService<ProvincesGrpcService>();
app.MapAuditLog();

app.Run();
