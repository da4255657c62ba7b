#!/usr/bin/env bash
# Runs every test of Psc119. Provisions what the suite needs when it is missing (as root through
# apt-get on Debian; otherwise it says what to install), builds once, runs all test projects and
# ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

say() { printf '%s\n' "$*" >&2; }

# --- provisioning ----------------------------------------------------------------------------
# Debian packages the suite needs: Chromium for the browser tests (Playwright drives it through
# ExecutablePath; no browser download); PostgreSQL 15 with PostGIS and pgRouting (store contract,
# routing peer test) and Redis (SignalR backplane), started below for this run only.
# nginx, sqlite3, systemd (systemd-analyze) and prometheus (promtool) check the files in deploy/
# (tests/Dispatch.Api.Tests/Deploy).
# Node.js/npm restore the console's front-end libraries and TypeScript; FrontEnd/TypeCheckTests runs
# tsc --noEmit over the pages' modules, so a type error is a failed test in the closing line.
APT_PACKAGES=(chromium postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting redis-server redis-tools python3 nginx sqlite3 systemd age prometheus)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || { say "apt-get could not install ${missing[*]}"; exit 1; }
  else
    say "Missing Debian packages: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run again."
    exit 1
  fi
fi
if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  say "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian (package dotnet-sdk-10.0)."
  exit 1
fi
if ! command -v npm >/dev/null; then
  say "Node.js and npm are required to build the console's front end (Debian: apt-get install nodejs npm; or Node 20 from nodejs.org)."
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- servers for this run (stopped on exit) --------------------------------------------------
. tests/servers.sh
log=$(mktemp)
trap 'stop_servers; rm -f "$log"' EXIT
start_postgres || { say "Could not start PostgreSQL."; echo "0 passed, 1 failed"; exit 1; }
start_redis || { say "Could not start Redis."; echo "0 passed, 1 failed"; exit 1; }

# --- build and test --------------------------------------------------------------------------
if ! dotnet build Psc119.sln -c Release -v quiet -nologo; then
  say "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Psc119.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 215, Skipped: 0, Total: 215").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
