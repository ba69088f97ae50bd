using Khcn.IntellectualProperty.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<IntellectualPropertyGrpcService>();

app.Run();
