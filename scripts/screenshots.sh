#!/usr/bin/env bash
# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Developer tool: seeds a demo store, runs the app on a virtual display and saves one screenshot per screen in
# docs/screenshots/. Needs xdotool and ImageMagick (apt-get install xdotool imagemagick). Not part of CI.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
B="$ROOT/build/bin/closient-station"
OUT="$ROOT/docs/screenshots"
WORK="$(mktemp -d)"
DB="$WORK/demo.sqlite"
export DISPLAY=:97
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; pkill -f "$DB" 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 1

id_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
S2=$("$B" --db "$DB" sessions create --mode both --meta name="Returns bay" | id_of)
"$B" --db "$DB" capture --session "$S2" 96385074 >/dev/null
"$B" --db "$DB" sessions end "$S2" >/dev/null
"$B" --db "$DB" sessions create --mode product_photography >/dev/null
S1=$("$B" --db "$DB" sessions create --mode barcode_scan --meta name="Inbound dock 3" --meta order=PO-6735 | id_of)
"$B" --db "$DB" capture --session "$S1" '(01)09506000134352(17)201225(10)ABC123' '4006381333931' \
  '(01)09506000134352(17)271130(10)L-2291(21)SN00017' \
  'https://id.gs1.org/01/09506000134352/10/AB12/21/778?17=261215' '(01)09506000134353' >/dev/null || true

shot() { sleep "${2:-1}"; import -window root "$OUT/$1.png"; echo "saved $1.png"; }
focus() { xdotool search --sync --name "Closient Station" windowfocus --sync 2>/dev/null || true; }

"$B" --db "$DB" >/dev/null 2>&1 &
sleep 3; focus
shot sessions 0.5
xdotool key ctrl+n; sleep 0.6; xdotool type --delay 10 'Inbound dock 4'
shot new-session 0.5
xdotool key Escape; sleep 0.5
xdotool mousemove 600 100 click 1   # the most recently active session is on top
sleep 1
xdotool type --delay 10 ']C101095060001343521727043010L42'
shot session 0.8
xdotool key ctrl+a BackSpace Escape
sleep 0.5
xdotool mousemove 80 287 click 1
shot settings 0.8
pkill -f "$DB" || true

# The Scan screen decoding a generated camera-like video of shelf codes.
"$B" bench live "$ROOT/tests/data/corpus/zxing-cpp-samples" --codes 6 --out '' --keep-video "$WORK/scan.avi" >/dev/null 2>&1
"$B" --db "$DB" --scan "$WORK/scan.avi" >/dev/null 2>&1 &
sleep 3; focus
# Keep the frame that shows the most code outline (green #2ecc71) of a short burst.
best=0
for i in 1 2 3 4 5 6 7 8; do
  sleep 0.4; import -window root "$WORK/burst$i.png"
  n=$(convert "$WORK/burst$i.png" -fill black +opaque '#2ecc71' -fill white -opaque '#2ecc71' -format '%[fx:int(mean*w*h)]' info:)
  if [ "$n" -gt "$best" ]; then best=$n; cp "$WORK/burst$i.png" "$OUT/scan.png"; fi
done
echo "saved scan.png"
xdotool mousemove 80 287 click 1
shot settings-devices 1
pkill -f "$DB" || true

# The Labels screen: a lot with a serial range, previewed on the 63-up sheet starting on a used sheet.
"$B" --db "$DB" labels add --gtin 09506000134352 --lot L2291 --expiry 2027-06-30 --first 1 --count 40 --width 6 >/dev/null
"$B" --db "$DB" labels add --gtin 4006381333931 --lot B77 --expiry 2027-11-30 >/dev/null
"$B" --db "$DB" --area labels >/dev/null 2>&1 &
sleep 3; focus
xdotool mousemove 400 27 click 1    # the Serials tab
sleep 3
xdotool mousemove 665 228 click 1   # start on label 10 of a used sheet
sleep 0.3
xdotool mousemove 1143 503 click 1  # outlines on
sleep 3; xdotool mousemove 1200 780
shot labels 1
pkill -f "$DB" || true

printf 'not a database' > "$WORK/broken.sqlite"
"$B" --db "$WORK/broken.sqlite" >/dev/null 2>&1 &
shot store-error 3
pkill -f "$WORK/broken.sqlite" || true
