namespace Dispatch.Benchmarks;

internal static class Usage
{
    public const string Text = """
        Dispatch.Benchmarks

          recommend [BenchmarkDotNet args]   Recommender.Rank micro-benchmarks (default command).
                                             No args = --filter '*'. Target: <= 50 us at 10,000 units.
          load [options]                     Telephony ingest -> SignalR push load against a running API.
              --url URL            API base address            (default http://127.0.0.1:5119)
              --key KEY            telephony X-Api-Key         (default demo-telephony-key)
              --user NAME          operator to sign in as      (default operator1)
              --password PASSWORD  its password                (default psc119-demo-solok)
              --operators N        hub connections sharing the operator's token (default 20)
              --rate R             target POST /api/calls per second            (default 200)
              --seconds S          how long to offer load                       (default 30)
              --concurrency C      most POSTs in flight at once                 (default 64)
              --drain D            seconds to wait for answers and pushes after the last send (default 10)
              --warmup W           seconds of the same load first, not measured (default 5; 0 = measure a cold server)
              --pid PID            the API server's process id: sample its RSS during the run
              --sign-in-flood F    beside the measured ingest, F sign-ins per second with made-up names,
                                   each from its own address in X-Forwarded-For (the API must trust
                                   this machine as a proxy: loopback is trusted by default) (default 0)
          echo [options]                     The floor: a bare WebSocket echo (own server process) at the same rate.
              --connections N      WebSocket connections        (default 50)
              --rate R             messages per second, spread over the connections (default 500)
              --seconds S          how long                      (default 20)
          reports [options]                  The reports page's query set over a million incidents.
              --provider P         sqlite (default) or postgres
              --db PATH            the SQLite file            (default $TMPDIR/psc119-reports-bench.db)
              --connection CS      the PostgreSQL database    (default PSC119_TEST_POSTGRES, Database=psc119_reports_bench,
                                   created by the app's migrations when missing)
              --incidents N  --runs N  --each (each query alone too, median and max of the runs)
          import [--rows N]                  Imports a messy N-row history CSV (500,000) into a fresh SQLite file: rows/s and peak memory.
          routing [options]                  One-to-many road ETA on a generated grid vs QuikGraph and pgRouting
                                             (PostgreSQL from PSC119_TEST_POSTGRES). Target: <= 5 ms, >= 10x pgRouting
                                             on the same questions; wall median/p95 and CPU per question.
              --size N             grid side; N x N grid has 2N(N-1) segments   (default 225 = 100,800)
              --units N            units per question                           (default 50)
              --queries N          questions timed                              (default 300)
              --pg-queries N       of those, asked of pgr_dijkstraCost           (default 20)
          simulate [--world city|province|both]  The what-if simulation on generated worlds: city (5,000 calls,
                                             6 units, 4 stations; target <= 1 s) and province (200,000 calls, 100 units,
                                             40 stations, ~100,000 segments; target <= 30 s); travel table, one
                                             scenario, and baseline + scenario as the API runs them; peak RSS.
        """;
}
