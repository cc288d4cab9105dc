using Kinerja.Cli;

// One executable: with no verb it serves the web app and API; verbs run admin tasks (see `kinerja --help`).
return await KinerjaCommandLine.Build().Parse(args).InvokeAsync();

/// <summary>Entry point type, also used by WebApplicationFactory in the tests.</summary>
public partial class Program;
