#!/usr/bin/env bash
# Build the web app's third-party browser files into factionmap/web/static/vendor/ from npm.
#
# Versions are pinned in web/package.json and web/package-lock.json (with integrity hashes); `npm ci` installs
# exactly those, and the copy below is deterministic, so rebuilding gives the same bytes (VENDOR.sha256 lists
# them). The built files are committed: installing factionmap needs no npm.
#
#   scripts/build_web.sh          # rebuild factionmap/web/static/vendor/
#   scripts/build_web.sh --check  # rebuild into a temporary folder and fail if it differs from the committed one
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
web="$root/web"
target="$root/factionmap/web/static/vendor"

if [[ "${1:-}" == "--check" ]]; then
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
else
    out="$target"
fi

(cd "$web" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
nm="$web/node_modules"

rm -rf "$out/cytoscape" "$out/leaflet" "$out/world-atlas"
mkdir -p "$out/cytoscape" "$out/leaflet/images" "$out/world-atlas"

cp "$nm/cytoscape/dist/cytoscape.esm.min.mjs" "$out/cytoscape/cytoscape.esm.min.js"
cp "$nm/cytoscape/LICENSE" "$out/cytoscape/LICENSE"
cp "$nm/leaflet/dist/leaflet-src.esm.js" "$out/leaflet/leaflet-src.esm.js"
cp "$nm/leaflet/dist/leaflet.css" "$out/leaflet/leaflet.css"
cp "$nm/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$nm/leaflet/LICENSE" "$out/leaflet/LICENSE"
node "$web/countries.mjs" "$nm/world-atlas/countries-110m.json" "$out/world-atlas/countries-110m.geojson"
cp "$nm/world-atlas/LICENSE" "$out/world-atlas/LICENSE"

# The source map comment points at a file we do not ship.
sed -i '/^\/\/# sourceMappingURL=/d' "$out/leaflet/leaflet-src.esm.js"

(cd "$out" && find cytoscape leaflet world-atlas -type f | LC_ALL=C sort | xargs sha256sum > VENDOR.sha256)
node -e '
const lock = require(process.argv[1]);
const names = ["cytoscape", "leaflet", "world-atlas", "topojson-client"];
console.log(names.map((n) => `${n} ${lock.packages["node_modules/" + n].version}`).join("\n"));
' "$web/package-lock.json" > "$out/VERSIONS.txt"

if [[ "${1:-}" == "--check" ]]; then
    diff -r "$target" "$out" >/dev/null || { echo "factionmap/web/static/vendor/ is stale: run scripts/build_web.sh" >&2; exit 1; }
    echo "vendor files match web/package-lock.json"
else
    echo "built $(wc -l < "$out/VENDOR.sha256") files into ${out#"$root"/}"
fi
