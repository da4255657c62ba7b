// Test classes run side by side, three at a time: each has its own app on its own port, its own
// database (SQLite file or PostgreSQL database) and its own browser contexts, and most of a class's
// time is spent waiting (for pushes, time-outs, a child process, the browser), not computing. Tests
// within one class still run one after the other. A class that must run alone says why with
// [NonParallelizable]: it reads process-wide telemetry (meters and activity sources are shared by
// every app in the process), it asserts a wall-clock bound of about a second, or it stops a
// database. `dotnet test ... -- NUnit.NumberOfTestWorkers=1` runs everything one at a time.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(3)]
