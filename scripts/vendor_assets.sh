#!/usr/bin/env bash
# Re-fetches the browser assets the map needs from the npm registry into static/vendor/<pkg>/,
# each with its licence, so that the app serves them itself (Streamlit static serving at
# /app/static/vendor/...) and the map works with no internet.
#
# Only what the map uses is vendored: Leaflet (the map itself, its stylesheet and marker images)
# and jQuery (folium's popup and layer-ordering templates call `$`). folium's other defaults
# (Bootstrap, glyphicons, Font Awesome, Leaflet.awesome-markers) style widgets this app does not
# draw, so ui/map.py drops them instead of loading them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LEAFLET=1.9.4
JQUERY=3.7.1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  "leaflet@${LEAFLET}" "jquery@${JQUERY}" >/dev/null)

dest=static/vendor
rm -rf "$dest/leaflet" "$dest/jquery"
mkdir -p "$dest/leaflet/images" "$dest/jquery"

src="$work/node_modules/leaflet"
cp "$src/dist/leaflet.js" "$src/dist/leaflet.css" "$dest/leaflet/"
cp "$src"/dist/images/*.png "$dest/leaflet/images/"
cp "$src/LICENSE" "$dest/leaflet/LICENSE"

src="$work/node_modules/jquery"
cp "$src/dist/jquery.min.js" "$dest/jquery/"
cp "$src/LICENSE.txt" "$dest/jquery/LICENSE.txt"

cat > "$dest/README.md" <<README
# Vendored browser assets

Fetched from the npm registry by \`scripts/vendor_assets.sh\`; do not edit by hand.

| package | version | files | licence |
|---|---|---|---|
| leaflet | ${LEAFLET} | leaflet.js, leaflet.css, images/*.png | BSD-2-Clause (leaflet/LICENSE) |
| jquery | ${JQUERY} | jquery.min.js | MIT (jquery/LICENSE.txt) |
README
echo "vendored into $dest:"
find "$dest" -type f | sort
