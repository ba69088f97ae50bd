// The whole stack, in Aspire's app model: the shared Redis cache, optionally PostgreSQL (--postgres; SQLite otherwise),
// and the three services wired by Aspire's configuration conventions. Services start once what they wait for is healthy.
// --secure runs them as in production: TLS from a development CA and bearer tokens (see AddDevelopmentSecurity).
var builder = DistributedApplication.CreateBuilder(args);

var cache = builder.AddRedis("cache");
var postgres = builder.Configuration.GetValue<bool>("postgres") ? builder.AddPostgres("postgres") : null;

var provinces = builder.AddProject<Projects.Khcn_Provinces>("provinces")
    .WithReference(cache).WaitFor(cache)
    .WithDatabase(postgres, "provincesdb")
    .WithExampleCall("khcn.provinces.v1.ProvincesService/GetProvince", """{"name": "provinces/44"}""");

var tasks = builder.AddProject<Projects.Khcn_Tasks>("tasks")
    .WithReference(cache).WaitFor(cache)
    .WithDatabase(postgres, "tasksdb")
    .WithReference(provinces).WaitFor(provinces);

var ip = builder.AddProject<Projects.Khcn_IntellectualProperty>("ip")
    .WithReference(cache).WaitFor(cache)
    .WithDatabase(postgres, "ipdb")
    .WithReference(provinces).WaitFor(provinces)
    .WithReference(tasks);

// The province overview asks Tasks and IntellectualProperty; it answers without them (missing_parts), so no wait.
provinces.WithReference(tasks).WithReference(ip);

builder.AddDevelopmentSecurity();

builder.Build().Run();
