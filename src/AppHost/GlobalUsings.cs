global using Aspire.Hosting;
global using Khcn.Hosting;
global using Microsoft.Extensions.Configuration;
