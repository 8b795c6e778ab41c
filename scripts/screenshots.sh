#!/usr/bin/env bash
# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Developer tool: seeds a demo store, runs the app on a virtual display at 1366×768 and at 1024×600, and saves one
# screenshot per screen and dialog in docs/screenshots/ (NAME.png at 1366×768, NAME-1024x600.png at 1024×600).
# Needs xdotool and ImageMagick (apt-get install xdotool imagemagick). Not part of CI.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
B="$ROOT/build/bin/closient-station"
OUT="$ROOT/docs/screenshots"
WORK="$(mktemp -d)"
export DISPLAY=:97
export XDG_CONFIG_HOME="$WORK/config" # the window's remembered geometry stays out of the developer's own
trap 'pkill -f "$WORK" 2>/dev/null; kill ${XVFB:-0} 2>/dev/null; rm -rf "$WORK"' EXIT
id_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }

seed() {
  local db="$1"
  local s1 s2
  s2=$("$B" --db "$db" sessions create --mode both --meta name="Returns bay" | id_of)
  "$B" --db "$db" capture --session "$s2" 96385074 >/dev/null
  "$B" --db "$db" sessions end "$s2" >/dev/null
  "$B" --db "$db" sessions create --mode product_photography --meta name="Photo studio" >/dev/null
  s1=$("$B" --db "$db" sessions create --mode barcode_scan --meta name="Inbound dock 3" --meta order=PO-6735 | id_of)
  local wrong
  wrong=$("$B" --db "$db" capture --session "$s1" 96385074 | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["capture"]["id"])')
  "$B" --db "$db" capture void --capture "$wrong" --reason "Scanned by mistake" >/dev/null
  "$B" --db "$db" capture --session "$s1" '(01)09506000134353' '(01)09506000134352(17)201225(10)ABC123' \
    '4006381333931' '(01)09506000134352(17)271130(10)L-2291(21)SN00017' \
    'https://id.gs1.org/01/09506000134352/10/AB12/21/778?17=261215' >/dev/null || true
  "$B" --db "$db" labels add --gtin 09506000134352 --lot L2291 --expiry 2027-06-30 --first 1 --count 40 --width 6 >/dev/null
  "$B" --db "$db" labels add --gtin 4006381333931 --lot B77 --expiry 2027-11-30 >/dev/null
  seed_review "$db"
}

# What the server would have said about some captures (the sync engine writes these tables), a product photo and
# a review under way, for the Review screens.
seed_review() {
  local db="$1"
  convert -size 640x480 gradient:'#f4efe4'-'#d9cbb0' -fill '#2f5d50' -draw 'roundrectangle 170,60 470,420 30,30' \
    -fill white -pointsize 34 -gravity center -annotate +0-40 'OAT DRINK' -pointsize 20 -annotate +0+10 'Northfield · 1 L' \
    "$(dirname "$db")/photo-oat.png"
  python3 - "$db" <<'PY'
import sqlite3, sys, os
db = sqlite3.connect(sys.argv[1])
c = db.cursor()
c.execute("INSERT OR REPLACE INTO products (gtin, product_name, brand, description, fetched) VALUES "
          "('09506000134352', 'Organic Oat Drink 1 L', 'Northfield', 'Oat drink, UHT', '2026-11-30T08:00:00.000Z')")
rows = c.execute("SELECT id, session_id, raw_value FROM captures ORDER BY created").fetchall()
for i, (cid, sid, raw) in enumerate(rows):
    status = ['COMPLETED', 'ENRICHING', 'NOT_FOUND', 'COMPLETED', 'FAILED', 'COMPLETED', 'PENDING'][i % 7]
    c.execute("UPDATE captures SET status = ? WHERE id = ?", (status, cid))
    for k, s in enumerate(['PENDING', 'LOOKING_UP', status]):
        c.execute("INSERT INTO capture_status_history (capture_id, status, observed) VALUES (?, ?, ?)",
                  (cid, s, '2026-11-30T09:%02d:%02d.000Z' % (i, k * 7)))
    if 'L-2291' in raw:
        c.execute("INSERT INTO photos (id, session_id, capture_id, photo_type, file_path, created) VALUES "
                  "(?, ?, ?, 'front', 'photo-oat.png', '2026-11-30T09:00:00.000Z')", ('demo-photo-%d' % i, sid, cid))
        c.execute("INSERT INTO capture_proposals (id, capture_id, field_name, current_value, proposed_value, confidence,"
                  " reasoning, source, created, received) VALUES (?, ?, 'product_name', 'Oat Drink', "
                  "'Organic Oat Drink 1 L', '0.94', 'The front label reads \"Organic Oat Drink\" and the pack shows 1 L.',"
                  " 'vision', '2026-11-30T09:10:00.000Z', '2026-11-30T09:10:05.000Z')", ('demo-proposal-%d' % i, cid))
        c.execute("INSERT INTO capture_proposals (id, capture_id, field_name, current_value, proposed_value, confidence,"
                  " reasoning, source, created, received) VALUES (?, ?, 'brand', '', 'Northfield', '0.71', "
                  "'Brand of the GTIN company prefix in the catalogue.', 'catalogue', '2026-11-30T09:10:01.000Z', "
                  "'2026-11-30T09:10:05.000Z')", ('demo-proposal-b%d' % i, cid))
    if i == 1:
        c.execute("INSERT INTO capture_reviews (capture_id, state, note, reviewed_by, modified) VALUES "
                  "(?, 'FLAGGED', 'Lot unreadable on the label', 'mlopez', '2026-11-30T10:00:00.000Z')", (cid,))
    if i == 2:
        c.execute("INSERT INTO capture_reviews (capture_id, state, reviewed_by, modified) VALUES "
                  "(?, 'REVIEWED', 'mlopez', '2026-11-30T10:01:00.000Z')", (cid,))
db.commit()
PY
}

shot() { xdotool mousemove "$((${W:-1024} - 1))" "$((${H:-600} - 1))"; sleep "${2:-1}"; import -window root "$OUT/$1$SUFFIX.png"; echo "saved $1$SUFFIX.png"; }
focus() { xdotool search --sync --name "Closient Station" windowfocus --sync 2>/dev/null || true; }
start() { "$B" --db "$DB" "$@" >/dev/null 2>&1 & sleep 3; focus; }
stop() { pkill -f "$DB" || true; sleep 0.5; }

screens() {
  local w="$1" h="$2"
  W="$w" H="$h"
  Xvfb :97 -screen 0 "${w}x${h}x24" >/dev/null 2>&1 &
  XVFB=$!
  sleep 1
  DB="$WORK/demo-$w.sqlite"
  seed "$DB"
  # The window as a person leaves it: filling the screen (the remembered geometry).
  mkdir -p "$XDG_CONFIG_HOME/Closient"
  printf '[window]\ngeometry=@Rect(0 0 %s %s)\nmaximized=false\n' "$w" "$h" >"$XDG_CONFIG_HOME/Closient/closient-station.conf"

  start --area sessions
  shot sessions 0.5
  xdotool key ctrl+n; sleep 0.6; xdotool type --delay 60 'Inbound dock 4'
  shot new-session 0.5
  xdotool key Escape; sleep 0.5
  xdotool mousemove $((w / 2)) 110 click 1 # the most recently active session is on top
  sleep 1
  xdotool type --delay 60 '(01)09506000134352(10)L42'
  shot session 0.8
  xdotool key ctrl+a BackSpace
  xdotool mousemove $((w - 70)) 27 click 1 # End session
  shot end-session 0.8
  xdotool key Escape; sleep 0.5
  xdotool mousemove $((w - 52)) 239 click 1 # the newest capture's menu
  sleep 0.6
  xdotool key Down Down Return
  shot void-capture 0.8
  xdotool key Escape
  stop

  # The Scan screen decoding a generated camera-like video of shelf codes.
  "$B" bench live "$ROOT/tests/data/corpus/zxing-cpp-samples" --codes 6 --out '' --keep-video "$WORK/scan.avi" >/dev/null 2>&1
  start --scan "$WORK/scan.avi"
  # Keep the frame that shows the most code outline (green #2ecc71) of a short burst.
  local best=0 n
  for i in 1 2 3 4 5 6 7 8; do
    sleep 0.4; import -window root "$WORK/burst$i.png"
    n=$(convert "$WORK/burst$i.png" -fill black +opaque '#2ecc71' -fill white -opaque '#2ecc71' -format '%[fx:int(mean*w*h)]' info:)
    if [ "$n" -gt "$best" ]; then best=$n; cp "$WORK/burst$i.png" "$OUT/scan$SUFFIX.png"; fi
  done
  echo "saved scan$SUFFIX.png"
  stop

  start --area settings
  shot settings 0.8
  xdotool mousemove $((w / 2)) $((h / 2))
  for _ in 1 2 3 4 5 6 7 8 9 10; do xdotool click 5; done
  shot settings-devices 0.8
  stop

  start --area labels
  shot labels 4
  stop

  start --area review
  shot review 1
  xdotool key j j # the capture with a photo and proposals
  shot review-detail 1
  xdotool key f
  sleep 0.5
  xdotool type --delay 60 'Lot unreadable'
  shot review-flag 0.5
  xdotool key Escape
  stop

  printf 'not a database' >"$WORK/broken.sqlite"
  "$B" --db "$WORK/broken.sqlite" >/dev/null 2>&1 &
  shot store-error 3
  pkill -f "$WORK/broken.sqlite" || true
  kill $XVFB; sleep 0.5
}

SUFFIX="" screens 1366 768
SUFFIX="-1024x600" screens 1024 600
