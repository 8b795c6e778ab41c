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
  "$B" --db "$db" products set 4006381333931 --name "Graphite pencils HB, 12 pack" --brand Stabilo >/dev/null
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
for gtin, name, brand, description in [('09506000134352', 'Organic Oat Drink 1 L', 'Northfield', 'Oat drink, UHT'),
                                       ('09506000134376', 'Barista Oat Drink 1 L', 'Northfield', 'Oat drink for coffee'),
                                       ('00012345600012', 'Trail Mix 400 g', 'Hikers Pantry', '')]:
    c.execute("INSERT OR REPLACE INTO products (gtin, product_name, brand, description, fetched, server_name, "
              "server_brand, server_description) VALUES (?, ?, ?, ?, '2026-11-30T08:00:00.000Z', ?, ?, ?)",
              (gtin, name, brand, description, name, brand, description))
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

# A print server of the demo's own with one printer, so the Labels screen can show the print confirmation.
private_cups() {
  [ -x /usr/sbin/cupsd ] || return 0
  local root="$WORK/cups"
  mkdir -p "$root"/{root,spool,cache,state,logs}
  printf 'Listen %s/cups.sock\nLogLevel warn\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n' "$root" >"$root/root/cupsd.conf"
  printf 'ServerRoot %s/root\nRequestRoot %s/spool\nCacheDir %s/cache\nStateDir %s/state\nErrorLog %s/logs/error_log\nAccessLog %s/logs/access_log\nPageLog %s/logs/page_log\nTempDir %s/spool\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\nUser lp\nGroup lp\n' "$root" "$root" "$root" "$root" "$root" "$root" "$root" "$root" >"$root/root/cups-files.conf"
  chmod -R a+rwX "$WORK"
  /usr/sbin/cupsd -f -c "$root/root/cupsd.conf" -s "$root/root/cups-files.conf" >/dev/null 2>&1 &
  sleep 2
  export CUPS_SERVER="$root/cups.sock"
  lpadmin -p Desk-laser -D "Desk laser (front office)" -v socket://127.0.0.1:9 -E >/dev/null 2>&1 || true
}
private_cups

# A thermal printer kept by the station, chosen with the shipping layout for the serials.
thermal_settings() {
  local db="$1" k v
  while IFS='=' read -r k v; do
    "$B" --db "$db" settings set "$k" "$v" >/dev/null
  done <<'SETTINGS'
labels.thermal_printers=zebra-bench
labels.thermal_name.zebra-bench=Zebra ZD421 on the bench
labels.thermal_target.zebra-bench=tcp://10.0.0.7:9100
labels.thermal_dpi.zebra-bench=300
labels.thermal_darkness.zebra-bench=18
labels.thermal_speed.zebra-bench=4
labels.thermal_media.zebra-bench=gap
labels.thermal_printer=zebra-bench
labels.scope=serials
labels.exportType=thermal
labels.fileFormat=zpl
labels.layout=Shipping label 4×6
SETTINGS
}

shot() { xdotool mousemove "$((${W:-1024} - 1))" "$((${H:-600} - 1))"; sleep "${2:-1}"; import -window root "$OUT/$1$SUFFIX.png"; echo "saved $1$SUFFIX.png"; }
focus() { xdotool search --sync --name "Closient Station" windowfocus --sync 2>/dev/null || true; }
start() { "$B" --db "$DB" "$@" >/dev/null 2>&1 & sleep 3; focus; }
stop() { pkill -f "$DB" || true; sleep 0.5; }

# The Sync page and the account settings against a local closient-sandbox: most records sent, a session created
# with a read-only key refused (403) and parked with the server's words, its captures waiting behind it.
sync_screens() {
  local sb="$ROOT/build/bin/closient-sandbox" url owner viewer s
  "$sb" --port 0 --state "$WORK/sandbox-$W.sqlite" --pipeline-step-ms 300 >"$WORK/sandbox-$W.url" 2>/dev/null &
  local sbpid=$!
  sleep 1
  url=$(head -1 "$WORK/sandbox-$W.url")
  key_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])'; }
  owner=$(curl -s -X POST "$url/__sandbox/keys" -d '{"prefix":"csb","org":"Acme Foods","email":"ops@acme.test"}' | key_of)
  viewer=$(curl -s -X POST "$url/__sandbox/keys" -d '{"prefix":"cpk","org":"Acme Foods"}' | key_of)
  export CLOSIENT_BASE_URL="$url" CLOSIENT_KEY_STORE=file
  CLOSIENT_API_KEY="$owner" "$B" --db "$DB" sync --once >/dev/null 2>&1 || true
  sleep 2
  CLOSIENT_API_KEY="$owner" "$B" --db "$DB" sync --once >/dev/null 2>&1 || true # the pull: status, products
  s=$("$B" --db "$DB" sessions create --mode barcode_scan --meta name="Cold room" | id_of)
  "$B" --db "$DB" capture --session "$s" 05901234123457 09506000134352 00012345600012 >/dev/null
  CLOSIENT_API_KEY="$viewer" "$B" --db "$DB" sync --once --no-pull >/dev/null 2>&1 || true
  export CLOSIENT_API_KEY="$owner"
  start --area sync
  shot sync 1.5
  xdotool mousemove $((W - 90)) 443 click 1 # Discard… of the refused record
  sleep 0.6
  shot sync-discard 0.6
  xdotool key Escape
  stop
  start --area settings
  xdotool mousemove $((W / 2)) $((H / 2))
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do xdotool click 5; done
  shot settings-account 0.8
  stop
  kill "$sbpid" 2>/dev/null || true
  unset CLOSIENT_BASE_URL CLOSIENT_KEY_STORE CLOSIENT_API_KEY
}

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
  xdotool key shift+Tab # back round to the filled Start session button: its focus frame
  shot new-session-focus 0.5
  xdotool key Escape # a name was typed: the dialog asks before it is lost
  shot discard-question 0.6
  xdotool key Tab Return; sleep 0.5 # Discard
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
  # The confirmation before a print (Ctrl+P): what will be printed, where, on what.
  xdotool key ctrl+p
  shot print-confirm 1.5
  xdotool key Escape
  stop

  # The Products dialog: the products labels print names from (Closient's, one named here); then one found by a
  # search and shown in the form.
  start --area labels
  sleep 2
  if [ "$w" -ge 1366 ]; then xdotool mousemove 344 689 click 1; else xdotool mousemove 311 525 click 1; fi # Products…
  shot products 1.5
  xdotool type --delay 150 'oat' # slowly: a fast burst looks like a hand scanner
  sleep 0.8
  if [ "$w" -ge 1366 ]; then xdotool mousemove 450 300 click 1; else xdotool mousemove 300 250 click 1; fi # the first found
  shot products-edit 1
  stop

  # Thermal labels: a Zebra on the bench chosen in the Output panel, the confirmation before printing on it, and
  # the printer's settings in its dialog.
  thermal_settings "$DB"
  start --area labels
  shot labels-thermal 4
  if [ "$w" -ge 1366 ]; then xdotool mousemove 1097 689 click 1; else xdotool mousemove 798 525 click 1; fi # Print
  shot print-confirm-thermal 1.5
  xdotool key Escape
  sleep 0.5
  if [ "$w" -ge 1366 ]; then xdotool mousemove 1146 453 click 1; else xdotool mousemove 857 453 click 1; fi # Edit…
  shot thermal-printer 1
  xdotool key Escape
  stop
  for key in labels.exportType labels.fileFormat labels.layout labels.stock labels.scope; do
    "$B" --db "$DB" settings set "$key" "" >/dev/null 2>&1 || true
  done
  "$B" --db "$DB" settings set labels.exportType sheet_pdf >/dev/null
  "$B" --db "$DB" settings set labels.fileFormat pdf >/dev/null

  # Counts: a finished count (its variance report) and one in progress, both against expected quantities.
  printf 'gtin,lot,expected\n09506000134352,L2291,24\n09506000134352,L2292,12\n4006381333931,B77,6\n9506000134376,,10\n' >"$WORK/expected.csv"
  local c1 c2
  c1=$("$B" --db "$DB" counts start --location 9521234000006.A12 --name "Aisle 12, monthly" --expected "$WORK/expected.csv")
  printf '24x\n(01)09506000134352(10)L2291(17)270630\n10x\n(01)09506000134352(10)L2292\n(01)09506000134352(21)SN00017\n4x\n9506000134376\n(01)04006381333931(10)X9\n' |
    "$B" --db "$DB" counts add --count "$c1" - >/dev/null || true
  "$B" --db "$DB" counts finish --count "$c1" >/dev/null
  c2=$("$B" --db "$DB" counts start --location 9521234000006.B3 --name "Back store, shelf B3" --expected "$WORK/expected.csv")
  printf '12x\n]C1010950600013435210L2291\x1d17270630\n(01)09506000134352(10)L2291(17)280131\n6x\n(01)04006381333931(10)B77\n(01)09506000134352(21)SN00017\n(01)09506000134352(21)SN00018\n(01)09506000134352(21)SN00018\n' |
    "$B" --db "$DB" counts add --count "$c2" - >/dev/null || true
  start --area counts
  shot counts 0.8
  xdotool mousemove $((w / 2)) 106 click 1 # the count in progress is on top
  sleep 0.8
  xdotool type --delay 40 '(01)09506000134352(10)L2292'; xdotool key Return
  sleep 0.5
  xdotool type --delay 40 '(01)09506000134352(21)SN00018'; xdotool key Return
  shot counts-progress 0.8
  xdotool mousemove 220 27 click 1 # back to the list
  sleep 0.6
  xdotool mousemove $((w / 2)) 182 click 1 # the finished count
  sleep 0.6
  xdotool mousemove $((w - 135)) 27 click 1 # Variance
  shot counts-variance 0.8
  stop

  # The Design tab: the product label with its symbol selected; then a new layout's stock picker, searched.
  start --area labels
  sleep 1
  xdotool mousemove 408 27 click 1 # the Design tab
  sleep 1.5
  if [ "$w" -ge 1366 ]; then xdotool mousemove 560 425 click 1; else xdotool mousemove 460 340 click 1; fi
  shot designer 1
  xdotool key Escape
  if [ "$w" -ge 1366 ]; then xdotool mousemove 233 91 click 1; else xdotool mousemove 229 87 click 1; fi # Layout
  sleep 0.6
  xdotool key Down Return # New layout…
  sleep 0.8
  xdotool type --delay 150 'Round logo label' # slowly: a fast burst looks like a hand scanner
  xdotool key Tab space # Choose… the stock
  sleep 1.5
  xdotool type --delay 150 'avery round'
  sleep 0.8
  xdotool key Down Down
  shot stock-picker 1
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


  sync_screens
  printf 'not a database' >"$WORK/broken.sqlite"
  "$B" --db "$WORK/broken.sqlite" >/dev/null 2>&1 &
  shot store-error 3
  pkill -f "$WORK/broken.sqlite" || true
  kill $XVFB; sleep 0.5
}

SUFFIX="" screens 1366 768
SUFFIX="-1024x600" screens 1024 600
