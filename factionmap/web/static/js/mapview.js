// The map of places, drawn with Leaflet: bundled country outlines always, tiles when a tile server is set and
// reachable, and a marker per place an actor operates in or is based in, or where an event happened.

import * as L from "/static/vendor/leaflet/leaflet-src.esm.js";
import { el, words } from "./dom.js";

const LINK_COLOR = { operates_in: "#2e6da4", based_in: "#8e44ad", event: "#c0392b" };

function popup(link) {
  const dates = link.start || link.end ? ` (${link.start ?? "…"} – ${link.end ?? "…"})` : "";
  return el(
    "div",
    { className: "popup" },
    el("strong", { text: link.place.name }),
    el("div", { text: link.actor_names.join(", ") }),
    el("div", { text: `${words(link.event_type ?? link.link)}${dates}` }),
  );
}

/** Create the map in `container`; returns {show(links), refresh()}. */
export async function createMap(container, attributionNode, config) {
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
  const markers = L.layerGroup().addTo(map);

  function show(links) {
    markers.clearLayers();
    const placed = links.filter((link) => link.place.lat !== null && link.place.lon !== null);
    for (const link of placed) {
      L.circleMarker([link.place.lat, link.place.lon], {
        radius: link.link === "event" ? 6 : 8,
        color: "#222",
        weight: 1,
        fillColor: LINK_COLOR[link.link] ?? "#555",
        fillOpacity: 0.8,
      })
        .bindPopup(popup(link))
        .addTo(markers);
    }
    if (placed.length) {
      const bounds = L.latLngBounds(placed.map((l) => [l.place.lat, l.place.lon])).pad(0.3);
      map.fitBounds(bounds, { maxZoom: 6, animate: false });
    }
    return placed.length;
  }

  return { show, refresh: () => map.invalidateSize() };
}
