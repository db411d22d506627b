#!/usr/bin/env bash
# Draws the app's icons (PNG and favicon.ico) from the two SVGs beside this script, with Debian's Chromium, into
# src/SpineMobility.Web/wwwroot/icons and wwwroot/favicon.ico. Run it after changing a drawing and commit the result:
# nothing is drawn or downloaded when the app runs.
#   --out DIR   draw into DIR (DIR/icons/*.png, DIR/favicon.ico) instead: test.sh compares that with the committed icons
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
web="$here/../../src/SpineMobility.Web/wwwroot"
if [ "${1:-}" = "--out" ]; then
  web=${2:?usage: draw.sh [--out DIR]}
fi
mkdir -p "$web/icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# render SVG SIZE OUT: the drawing fills a SIZE×SIZE page; the corners outside a rounded icon stay transparent.
render() {
  local svg=$1 size=$2 out=$3
  printf '<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:%spx;height:%spx}</style><img src="%s">' \
    "$size" "$size" "file://$here/$svg" >"$work/page.html"
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --default-background-color=00000000 --force-device-scale-factor=1 \
    --user-data-dir="$work/profile" --window-size="$size,$size" --screenshot="$out" "file://$work/page.html" >/dev/null 2>&1 || true
  [ -s "$out" ] || { echo "Chromium drew nothing for $svg at $size px" >&2; exit 1; }
}

render icon.svg 192 "$web/icons/icon-192.png"
render icon.svg 512 "$web/icons/icon-512.png"
render icon-maskable.svg 512 "$web/icons/icon-maskable-512.png"
render icon-maskable.svg 192 "$web/icons/icon-maskable-192.png"
# iOS rounds the corners itself and shows transparency as black: the full-bleed drawing.
render icon-maskable.svg 180 "$web/icons/apple-touch-icon.png"
render icon.svg 32 "$work/32.png"
render icon.svg 16 "$work/16.png"
render icon.svg 48 "$work/48.png"

# favicon.ico holding PNG images (every browser since 2008 reads them).
python3 - "$web/favicon.ico" "$work/16.png" "$work/32.png" "$work/48.png" <<'PY'
import struct, sys
out, *files = sys.argv[1:]
images = [open(f, "rb").read() for f in files]
sizes = [struct.unpack(">II", data[16:24]) for data in images]
header = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
entries = b""
for data, (w, h) in zip(images, sizes):
    entries += struct.pack("<BBBBHHII", w % 256, h % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open(out, "wb").write(header + entries + b"".join(images))
PY
echo "drew the icons into $web/icons and $web/favicon.ico"
