#!/usr/bin/env bash
# Checks an encrypted SQLite backup end to end, and optionally restores it.
#
#   verify-backup-sqlite.sh BACKUP.db.age IDENTITY_FILE [RESTORE_TO]
#       e.g. /var/backups/psc119/psc119-20261130T060000Z.db.age ~/psc119-backup-key.txt
#
# Decrypts with the age private key (IDENTITY_FILE, made by age-keygen; kept off the server) into a
# private temporary folder, runs PRAGMA integrity_check and foreign_key_check and prints the row
# counts a restore would bring back. With RESTORE_TO the checked database is written there (a file
# that must not exist yet; see deploy/README.md for stopping the app and the -wal file). The clear
# copy in the temporary folder is removed whatever happens. Exits non-zero on any failure.
set -euo pipefail
umask 077

usage="usage: $(basename "$0") BACKUP.db.age IDENTITY_FILE [RESTORE_TO]"
backup=${1:?$usage}
identity=${2:?$usage}
restore_to=${3:-}

fail() { printf 'verify-backup-sqlite: %s\n' "$*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 is required (Debian: apt-get install sqlite3)"
command -v age >/dev/null || fail "age is required (Debian: apt-get install age)"
[ -f "$backup" ] || fail "no backup at $backup"
[ -r "$identity" ] || fail "cannot read the identity file $identity"
[ -z "$restore_to" ] || [ ! -e "$restore_to" ] || fail "$restore_to exists: move it away first"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy="$work/psc119.db"
age -d -i "$identity" -o "$copy" "$backup" || fail "cannot decrypt $backup with $identity"

integrity=$(sqlite3 -bail "$copy" 'PRAGMA integrity_check;') || fail "the decrypted copy cannot be read"
[ "$integrity" = "ok" ] || fail "integrity_check: $integrity"
foreign=$(sqlite3 -bail "$copy" 'PRAGMA foreign_key_check;') || fail "foreign_key_check could not run"
[ -z "$foreign" ] || fail "foreign_key_check: $foreign"
counts=$(sqlite3 -bail -separator ' ' "$copy" "
  SELECT 'calls', COUNT(*) FROM calls
  UNION ALL SELECT 'incidents', COUNT(*) FROM incidents
  UNION ALL SELECT 'incident_log', COUNT(*) FROM incident_log
  UNION ALL SELECT 'events', COUNT(*) FROM events
  UNION ALL SELECT 'last_event_seq', COALESCE(MAX(seq), 0) FROM events
  UNION ALL SELECT 'units', COUNT(*) FROM units
  UNION ALL SELECT 'users', COUNT(*) FROM users;") || fail "the copy lacks Psc119's tables"

if [ -n "$restore_to" ]; then
  cp "$copy" "$restore_to.partial"
  mv "$restore_to.partial" "$restore_to"
  echo "restored $restore_to"
fi
echo "verified $backup"
echo "integrity_check ok"
echo "$counts"
