// The map of places, drawn with Leaflet: bundled country outlines and names always (nothing is fetched from
// elsewhere unless a tile server is configured), markers for places actors operate in or are based in and for
// places of events, clustered when they crowd, and a legend. Popups and labels are built as elements.

import * as L from "/static/vendor/leaflet/leaflet-src.esm.js";
import { el } from "./dom.js";
import { byName, labelOf } from "./vocab.js";

const CLUSTER_PX = 36;
const LABEL_ZOOM = 3;

function colorOf(link, vocab) {
  if (link.link === "event") return byName(vocab.event_types)[link.event_type]?.color ?? "#555";
  return byName(vocab.relation_types)[link.link]?.color ?? "#555";
}

function popup(links, vocab) {
  return el(
    "div",
    { className: "popup" },
    el("strong", { text: links[0].place.name }),
    el("ul", {}, links.map((link) => {
      const dates = link.start || link.end ? ` (${link.start ?? "…"} – ${link.end ?? "…"})` : "";
      const what = link.link === "event" ? labelOf(vocab.event_types, link.event_type) : labelOf(vocab.relation_types, link.link);
      return el("li", { text: `${link.actor_names.join(", ")}: ${what}${dates}` });
    })),
  );
}

function legendControl(vocab) {
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => {
    const entry = (color, text) => {
      const dot = el("span", { className: "dot", "aria-hidden": "true" });
      dot.style.backgroundColor = color;
      return el("li", {}, dot, text);
    };
    const places = vocab.relation_types.filter((t) => t.place).map((t) => entry(t.color, t.label));
    const events = vocab.event_types.map((t) => entry(t.color, `event: ${t.label}`));
    return el("div", { className: "map-legend" }, el("ul", { "aria-label": "Map legend" },
      places, events, entry("#ffffff", "several: a cluster (number of markers)")));
  };
  return control;
}

/** The largest polygon's bounds centre of a country feature: where its name goes. */
function labelPoint(feature) {
  const g = feature.geometry;
  const rings = g.type === "Polygon" ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
  const ring = rings.reduce((a, b) => (b.length > a.length ? b : a));
  const lons = ring.map((c) => c[0]);
  const lats = ring.map((c) => c[1]);
  return [(Math.min(...lats) + Math.max(...lats)) / 2, (Math.min(...lons) + Math.max(...lons)) / 2];
}

function countryLabels(map, countries) {
  const layer = L.layerGroup();
  for (const feature of countries.features) {
    if (!feature.properties?.name || !feature.geometry) continue;
    L.tooltip({ permanent: true, direction: "center", className: "country-label", interactive: false })
      .setLatLng(labelPoint(feature))
      .setContent(el("span", { text: feature.properties.name }))
      .addTo(layer);
  }
  const toggle = () => (map.getZoom() >= LABEL_ZOOM ? layer.addTo(map) : layer.remove());
  map.on("zoomend", toggle);
  toggle();
}

/** Markers that fall within CLUSTER_PX of each other at the current zoom, grouped. */
function clusters(map, links) {
  const cells = new Map();
  for (const link of links) {
    const p = map.project([link.place.lat, link.place.lon]);
    const key = `${Math.floor(p.x / CLUSTER_PX)}:${Math.floor(p.y / CLUSTER_PX)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(link);
  }
  return [...cells.values()];
}

function count(group) {
  return el("span", { text: String(group.length) });
}

/** Create the map in `container`; returns {show(links), refresh(), map}. */
export async function createMap(container, attributionNode, config, vocab) {
  const map = L.map(container, { worldCopyJump: true, preferCanvas: true, attributionControl: false });
  map.setView([30, 60], 3);
  if (config.tile_url) {
    L.tileLayer(config.tile_url, { maxZoom: 18 }).addTo(map);
    attributionNode.textContent = config.tile_attribution;
  }
  const countries = await (await fetch(config.countries_url)).json();
  L.geoJSON(countries, {
    style: { color: "#777", weight: 0.8, fillColor: "#f4f1e8", fillOpacity: config.tile_url ? 0 : 1 },
    interactive: false,
  }).addTo(map);
  countryLabels(map, countries);
  legendControl(vocab).addTo(map);
  const markers = L.layerGroup().addTo(map);
  let placed = [];

  function draw() {
    markers.clearLayers();
    for (const group of clusters(map, placed)) {
      const first = group[0];
      const same = group.every((l) => l.place.id === first.place.id);
      const at = [first.place.lat, first.place.lon];
      if (group.length === 1 || same) {
        const marker = L.circleMarker(at, { radius: group.length > 1 ? 11 : 8, color: "#222", weight: 1,
          fillColor: colorOf(first, vocab), fillOpacity: 0.85 })
          .bindPopup(popup(group, vocab))
          .addTo(markers);
        if (group.length > 1) marker.bindTooltip(count(group), { permanent: true, direction: "center", className: "cluster-count same-place" });
        continue;
      }
      const bounds = L.latLngBounds(group.map((l) => [l.place.lat, l.place.lon]));
      L.circleMarker(bounds.getCenter(), { radius: 12 + Math.sqrt(group.length) * 2, color: "#222", weight: 1,
        fillColor: "#ffffff", fillOpacity: 0.9, className: "cluster" })
        .bindTooltip(count(group), { permanent: true, direction: "center", className: "cluster-count" })
        .on("click", () => map.fitBounds(bounds.pad(0.5), { maxZoom: 10 }))
        .addTo(markers);
    }
  }
  map.on("zoomend", draw);

  function show(links) {
    placed = links.filter((link) => link.place.lat !== null && link.place.lon !== null);
    if (placed.length) {
      const bounds = L.latLngBounds(placed.map((l) => [l.place.lat, l.place.lon])).pad(0.3);
      map.fitBounds(bounds, { maxZoom: 6, animate: false });
    }
    draw();
    return placed.length;
  }

  return { show, refresh: () => map.invalidateSize(), map, markers };
}
