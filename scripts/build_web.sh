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
# axe-core (the accessibility checker) is for the browser tests only, so it is not shipped with the package.
test_target="$root/tests/vendor"

if [[ "${1:-}" == "--check" ]]; then
    out="$(mktemp -d)"
    test_out="$(mktemp -d)"
    trap 'rm -rf "$out" "$test_out"' EXIT
else
    out="$target"
    test_out="$test_target"
fi

(cd "$web" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
nm="$web/node_modules"

rm -rf "$out/cytoscape" "$out/leaflet" "$out/world-atlas" "$out/vis-timeline" "$test_out/axe-core"
mkdir -p "$out/cytoscape" "$out/leaflet/images" "$out/world-atlas" "$out/vis-timeline" "$test_out/axe-core"

cp "$nm/cytoscape/dist/cytoscape.esm.min.mjs" "$out/cytoscape/cytoscape.esm.min.js"
cp "$nm/cytoscape/LICENSE" "$out/cytoscape/LICENSE"
cp "$nm/leaflet/dist/leaflet-src.esm.js" "$out/leaflet/leaflet-src.esm.js"
cp "$nm/leaflet/dist/leaflet.css" "$out/leaflet/leaflet.css"
cp "$nm/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$nm/leaflet/LICENSE" "$out/leaflet/LICENSE"
node "$web/countries.mjs" "$nm/world-atlas/countries-110m.json" "$out/world-atlas/countries-110m.geojson"
cp "$nm/world-atlas/LICENSE" "$out/world-atlas/LICENSE"

# vis-timeline's standalone build (its dependencies bundled, so no import map is needed) also injects its CSS as
# <style> elements, which the page's Content-Security-Policy refuses (with a console error each); its CSS is
# shipped as a file instead, and the injector's one guard is turned off.
vis="$nm/vis-timeline"
sed 's/if(t&&"undefined"!=typeof document){/if(false){/' "$vis/standalone/esm/vis-timeline-graph2d.min.js" \
    > "$out/vis-timeline/vis-timeline-graph2d.esm.min.js"
grep -q 'if(false){var n=document.head' "$out/vis-timeline/vis-timeline-graph2d.esm.min.js" \
    || { echo "vis-timeline's CSS injector has changed: update scripts/build_web.sh" >&2; exit 1; }
cp "$vis/styles/vis-timeline-graph2d.min.css" "$out/vis-timeline/vis-timeline-graph2d.min.css"
cp "$vis/LICENSE.md" "$vis/LICENSE.MIT.txt" "$vis/LICENSE.Apache-2.0.txt" "$out/vis-timeline/"
cp "$nm/axe-core/axe.min.js" "$nm/axe-core/LICENSE" "$nm/axe-core/LICENSE-3RD-PARTY.txt" "$test_out/axe-core/"

# The source map comments point at files we do not ship.
sed -i '/^\/\/# sourceMappingURL=/d' "$out/leaflet/leaflet-src.esm.js" "$out/vis-timeline/vis-timeline-graph2d.esm.min.js"
sed -i 's|/\*# sourceMappingURL=[^*]*\*/||' "$out/vis-timeline/vis-timeline-graph2d.min.css"

(cd "$out" && find cytoscape leaflet world-atlas vis-timeline -type f | LC_ALL=C sort | xargs sha256sum > VENDOR.sha256)
node -e '
const lock = require(process.argv[1]);
const names = ["cytoscape", "leaflet", "world-atlas", "vis-timeline", "topojson-client", "axe-core"];
console.log(names.map((n) => `${n} ${lock.packages["node_modules/" + n].version}`).join("\n"));
' "$web/package-lock.json" > "$out/VERSIONS.txt"

if [[ "${1:-}" == "--check" ]]; then
    diff -r "$target" "$out" >/dev/null || { echo "factionmap/web/static/vendor/ is stale: run scripts/build_web.sh" >&2; exit 1; }
    diff -r "$test_target" "$test_out" >/dev/null || { echo "tests/vendor/ is stale: run scripts/build_web.sh" >&2; exit 1; }
    echo "vendor files match web/package-lock.json"
else
    echo "built $(wc -l < "$out/VENDOR.sha256") files into ${out#"$root"/}"
fi
