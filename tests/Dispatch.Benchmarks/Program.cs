using Dispatch.Benchmarks;

// dotnet run -c Release --project tests/Dispatch.Benchmarks -- recommend [BenchmarkDotNet args]
// dotnet run -c Release --project tests/Dispatch.Benchmarks -- load [--url ..] [--operators N] [--rate R] [--seconds S] ...
// dotnet run -c Release --project tests/Dispatch.Benchmarks -- reports [--provider sqlite|postgres] [--db PATH | --connection CS] [--incidents N] [--runs N] [--each]
// dotnet run -c Release --project tests/Dispatch.Benchmarks -- import [--rows N]
// dotnet run -c Release --project tests/Dispatch.Benchmarks -- echo [--connections N] [--rate R] [--seconds S]
// dotnet run -c Release --project tests/Dispatch.Benchmarks -- routing [--size N] [--units N] [--queries N] [--pg-queries N]
// dotnet run -c Release --project tests/Dispatch.Benchmarks -- simulate [--world city|province|both]
// With no command, or when the first argument is an option (e.g. --filter '*'), `recommend` runs.
var hasCommand = args.Length > 0 && !args[0].StartsWith('-');
var command = hasCommand ? args[0].ToLowerInvariant() : "recommend";
var rest = hasCommand ? args[1..] : args;

switch (command)
{
    case "recommend":
        return RecommendCommand.Run(rest);
    case "load":
        return await LoadCommand.RunAsync(rest);
    case "reports":
        return await ReportsCommand.RunAsync(rest);
    case "import":
        return await ImportCommand.RunAsync(rest);
    case "echo":
        return await EchoCommand.RunAsync(rest);
    case "echo-server":
        return await EchoCommand.ServeAsync(rest);
    case "routing":
        return await Dispatch.Benchmarks.Routing.RoutingCommand.RunAsync(rest);
    case "simulate":
        return Dispatch.Benchmarks.Planning.SimulateCommand.Run(rest);
    case "help":
        Console.WriteLine(Usage.Text);
        return 0;
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
        await Console.Error.WriteLineAsync(Usage.Text);
        return 2;
}
