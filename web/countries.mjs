// Convert world-atlas's TopoJSON countries (110m) to GeoJSON for Leaflet, with coordinates rounded to 0.01°
// so the file stays small. Deterministic: same input, same bytes. Usage: node countries.mjs IN.json OUT.geojson
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const [input, output] = process.argv.slice(2);
const topology = JSON.parse(readFileSync(input, "utf8"));
const round = (value) => (Array.isArray(value) ? value.map(round) : Math.round(value * 100) / 100);
const countries = feature(topology, topology.objects.countries);
countries.features = countries.features.map((f) => ({
  type: "Feature",
  id: f.id ?? null,
  properties: { name: f.properties?.name ?? "" },
  geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
}));
writeFileSync(output, JSON.stringify(countries) + "\n");
