#!/usr/bin/env bash
# Online backup of Psc119's SQLite database, verified before it counts, encrypted before it is kept.
#
#   BACKUP_RECIPIENTS_FILE=/etc/psc119/backup-recipients.txt backup-sqlite.sh DATABASE BACKUP_FOLDER
#       e.g. /var/lib/psc119/psc119.db /var/backups/psc119
#
# The backup is encrypted with age (Debian: apt-get install age) to the public keys (age1...) in
# BACKUP_RECIPIENTS_FILE (one a line), or to the one in BACKUP_RECIPIENT. The matching private key
# (age-keygen) is kept OFF this machine (a safe, the health office's key holder): a stolen disk or
# backup copy then reveals nothing. Without a recipient the script refuses to run. Check and restore
# with verify-backup-sqlite.sh, which needs the private key.
#
# Safe while the app runs: VACUUM INTO copies one read transaction, so the copy is a consistent
# snapshot even with the app writing (WAL lets readers and the writer go on together). The copy is
# then checked (PRAGMA integrity_check and foreign_key_check, row counts), encrypted, and only then
# renamed to psc119-YYYYMMDDTHHMMSSZ.db.age; the clear copy is deleted whatever happens, and a copy
# that fails a check leaves nothing and the script exits non-zero.
# After a good run, backups older than KEEP_DAYS (default 14) are removed. Copy the folder off
# the machine (rsync, restic...): a backup on the same disk does not survive the disk.
set -euo pipefail
umask 077

usage="usage: $(basename "$0") DATABASE BACKUP_FOLDER"
db=${1:?$usage}
dest=${2:?$usage}
keep_days=${KEEP_DAYS:-14}

fail() { printf 'backup-sqlite: %s\n' "$*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 is required (Debian: apt-get install sqlite3)"
command -v age >/dev/null || fail "age is required (Debian: apt-get install age)"
recipients=()
if [ -n "${BACKUP_RECIPIENTS_FILE:-}" ]; then
  [ -r "$BACKUP_RECIPIENTS_FILE" ] || fail "cannot read BACKUP_RECIPIENTS_FILE $BACKUP_RECIPIENTS_FILE"
  recipients+=(-R "$BACKUP_RECIPIENTS_FILE")
fi
[ -n "${BACKUP_RECIPIENT:-}" ] && recipients+=(-r "$BACKUP_RECIPIENT")
[ ${#recipients[@]} -gt 0 ] || fail "no recipient: set BACKUP_RECIPIENTS_FILE or BACKUP_RECIPIENT (an age public key); backups are never kept in the clear"
[ -f "$db" ] || fail "no database at $db"
mkdir -p "$dest"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$dest/psc119-$stamp.db.age"
partial="$dest/.psc119-$stamp.db.partial"
sealed="$target.partial"
trap 'rm -f "$partial" "$sealed"' EXIT
rm -f "$partial" "$sealed"

# SQL string literal for the target path (a quote doubled).
quoted=${partial//\'/\'\'}
sqlite3 -bail -cmd '.timeout 30000' "$db" "VACUUM INTO '$quoted';" || fail "VACUUM INTO failed for $db"

integrity=$(sqlite3 -bail "$partial" 'PRAGMA integrity_check;') || fail "the copy cannot be read"
[ "$integrity" = "ok" ] || fail "integrity_check of the copy: $integrity"
foreign=$(sqlite3 -bail "$partial" 'PRAGMA foreign_key_check;') || fail "foreign_key_check could not run"
[ -z "$foreign" ] || fail "foreign_key_check of the copy: $foreign"

# Row counts of the tables that matter, and the newest event: what a restore would bring back.
counts=$(sqlite3 -bail -separator ' ' "$partial" "
  SELECT 'calls', COUNT(*) FROM calls
  UNION ALL SELECT 'incidents', COUNT(*) FROM incidents
  UNION ALL SELECT 'incident_log', COUNT(*) FROM incident_log
  UNION ALL SELECT 'events', COUNT(*) FROM events
  UNION ALL SELECT 'last_event_seq', COALESCE(MAX(seq), 0) FROM events
  UNION ALL SELECT 'units', COUNT(*) FROM units
  UNION ALL SELECT 'users', COUNT(*) FROM users;") || fail "the copy lacks Psc119's tables"

age "${recipients[@]}" -o "$sealed" "$partial" || fail "age could not encrypt the copy"
rm -f "$partial"
mv "$sealed" "$target"
sync "$target" 2>/dev/null || sync
trap - EXIT

find "$dest" -maxdepth 1 -name 'psc119-*.db.age' -type f -mtime +"$keep_days" -delete

echo "backup $target"
echo "integrity_check ok"
echo "$counts"
