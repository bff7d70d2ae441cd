#!/bin/sh
# Maintainer script: fetch the map page's npm packages and copy the files it serves into
# biennien/web/static/vendor/ (committed: users work offline, no CDN, no tile server).
#   world-atlas 2.0.2      countries-50m.json, Natural Earth countries as TopoJSON   ISC
#   d3-geo 3.1.2           projections and SVG paths                               ISC
#   d3-array 3.2.5         needed by d3-geo's UMD build                             ISC
#   topojson-client 3.1.0  TopoJSON -> GeoJSON                                      ISC
# Natural Earth data (inside world-atlas) is in the public domain.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/biennien/web/static/vendor"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm pack --silent world-atlas@2.0.2 d3-geo@3.1.2 d3-array@3.2.5 topojson-client@3.1.0 >/dev/null
for pkg in world-atlas-2.0.2 d3-geo-3.1.2 d3-array-3.2.5 topojson-client-3.1.0; do
  mkdir -p "$pkg" && tar xzf "$pkg.tgz" -C "$pkg"
done
mkdir -p "$OUT/world-atlas" "$OUT/d3-geo" "$OUT/d3-array" "$OUT/topojson-client"
cp world-atlas-2.0.2/package/countries-50m.json world-atlas-2.0.2/package/LICENSE "$OUT/world-atlas/"
cp d3-geo-3.1.2/package/dist/d3-geo.min.js d3-geo-3.1.2/package/LICENSE "$OUT/d3-geo/"
cp d3-array-3.2.5/package/dist/d3-array.min.js d3-array-3.2.5/package/LICENSE "$OUT/d3-array/"
cp topojson-client-3.1.0/package/dist/topojson-client.min.js topojson-client-3.1.0/package/LICENSE "$OUT/topojson-client/"
echo "vendored into $OUT"
