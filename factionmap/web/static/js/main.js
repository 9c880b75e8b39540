// The page: loads the network once (/api/graph/compact), then filters it in the browser; the side panel, map
// and timeline follow the selection and the "as of" date. Everything comes from the JSON API under /api/.
// The graph library and the map library are imported when needed, so the network's data is already on its
// way while they load; a large network is drawn strongest relations first, then the rest (see network.js).

import { getJSON } from "./api.js";
import { el, words } from "./dom.js";
import { showActor, showEvidence } from "./panels.js";
import { KIND_STYLE, TYPE_COLOR } from "./style.js";
import { attachSearch } from "./search.js";
import { attachTimebar } from "./timebar.js";
import { renderTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const NETWORK_TYPES = Object.keys(TYPE_COLOR);

const state = {
  asOf: null,
  actorId: null,
  types: new Set(NETWORK_TYPES),
  kinds: new Set(Object.keys(KIND_STYLE)),
  statuses: new Set(["asserted", "claimed", "uncertain"]),
  minSources: 1,
};
let network = null;
let mapView = null;
let mapConfig = null;
let lastLinks = [];
let sideTimer = null;

function checkboxes(fieldset, values, chosen, label = words) {
  for (const value of values) {
    const box = el("input", { type: "checkbox", value, checked: "" });
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(value);
      else chosen.delete(value);
      refreshNetwork();
    });
    fieldset.append(el("label", { className: "check" }, box, ` ${label(value)}`));
  }
}

function legend() {
  const items = Object.entries(KIND_STYLE).map(([kind, s]) =>
    el("li", {}, el("span", { className: `swatch kind-${kind}`, dataset: { shape: s.shape } }), words(kind)),
  );
  $("legend").replaceChildren(...items);
}

/** The status line: what shows, and while a large network is still loading, how much of it is drawn. */
function showStatus(counts) {
  const when = state.asOf ? `as of ${state.asOf}` : "all dates";
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  $("graph-status").textContent = counts.done
    ? `${counts.nodes} actors, ${counts.edges} relations · ${when}`
    : `Showing ${counts.drawn} of ${plural(counts.edges, "relation")} (strongest first) · ${when} — loading…`;
  $("show-all").hidden = counts.done;
  document.body.dataset.loaded = counts.done ? "all" : "partial";
}

function refreshNetwork() {
  showStatus(network.applyFilter(state));
}

/** After each batch of a large network; once all is in, note when it has been drawn. */
function onProgress(counts) {
  showStatus(counts);
  (window.factionmap?.progress ?? []).push({ ...counts, status: $("graph-status").textContent });
  if (counts.done) {
    network.cy.one("render", () => {
      performance.mark("fm-all");
      document.body.dataset.allMs = String(Math.round(performance.now()));
    });
  }
}

function refreshSide() {
  clearTimeout(sideTimer);
  sideTimer = setTimeout(async () => {
    const params = { actor_id: state.actorId, as_of: state.asOf };
    const [links, events] = await Promise.all([
      getJSON("places", params),
      getJSON("events", { actor_id: state.actorId }),
    ]);
    lastLinks = links;
    updateMap();
    const label = state.actorId ? `selected actor` : "all actors";
    renderTimeline($("timeline"), $("timeline-status"), events, state.asOf, label);
  }, 200);
}

async function openActor(actorId) {
  state.actorId = actorId;
  network.focusActor(actorId);
  const profile = await getJSON(`actors/${actorId}`);
  showActor($("details"), profile, { onRelation: openRelation, onActor: openActor });
  selectTab("details");
  refreshSide();
}

async function openRelation(relationId) {
  const data = await getJSON(`relations/${relationId}/evidence`);
  showEvidence($("details"), data, { onActor: openActor });
  selectTab("details");
}

function updateMap() {
  const placed = lastLinks.filter((link) => link.place.lat !== null && link.place.lon !== null).length;
  $("map-status").textContent = `${placed} place marker${placed === 1 ? "" : "s"}${state.asOf ? ` as of ${state.asOf}` : ""}`;
  if (mapView) mapView.show(lastLinks);
}

/** Leaflet needs a visible container, so the map is made the first time its tab opens. */
async function openMap() {
  if (!mapView) {
    const { createMap } = await import("./mapview.js");
    mapView = await createMap($("map"), $("map-attribution"), mapConfig);
    document.body.dataset.map = "ready";
  }
  mapView.refresh();
  updateMap();
}

function selectTab(name) {
  for (const button of document.querySelectorAll(".tabs button")) {
    const on = button.dataset.tab === name;
    button.setAttribute("aria-selected", String(on));
    $(`tab-${button.dataset.tab}`).hidden = !on;
  }
  if (name === "map") openMap();
}

async function main() {
  const [config, stats, graph, { createNetwork }] = await Promise.all([
    getJSON("config"),
    getJSON("stats"),
    getJSON("graph/compact"),
    import("./network.js"),
  ]);
  checkboxes($("f-types"), NETWORK_TYPES, state.types);
  checkboxes($("f-kinds"), stats.actor_kinds, state.kinds);
  checkboxes($("f-statuses"), ["asserted", "claimed", "uncertain"], state.statuses);
  $("f-min-sources").addEventListener("change", (event) => {
    state.minSources = Math.max(1, Number(event.target.value) || 1);
    refreshNetwork();
  });
  legend();
  performance.mark("fm-data");
  network = createNetwork($("network"), graph, { onNode: openActor, onEdge: openRelation, onProgress });
  window.factionmap = { cy: network.cy, state, progress: [] };
  const first = network.start(state);
  performance.mark("fm-network");
  showStatus(first);
  window.factionmap.progress.push({ ...first, status: $("graph-status").textContent });
  $("show-all").addEventListener("click", () => network.showAll());
  network.cy.one("render", () => {
    performance.mark("fm-first-draw");
    document.body.dataset.renderMs = String(Math.round(performance.now()));
    if (first.done) document.body.dataset.allMs = document.body.dataset.renderMs;
    document.body.dataset.state = "ready";
    network.loadRest();
  });
  network.cy.forceRender();
  attachTimebar(
    { slider: $("slider"), box: $("as-of"), play: $("play"), allDates: $("all-dates") },
    stats.first_date,
    stats.last_date,
    (asOf) => {
      state.asOf = asOf;
      refreshNetwork();
      refreshSide();
    },
  );
  attachSearch($("search"), $("search-input"), $("search-results"), openActor);
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => selectTab(button.dataset.tab));
  }
  mapConfig = config;
  refreshSide();
}

main().catch((error) => {
  document.body.dataset.state = "error";
  $("graph-status").textContent = `Could not load the map: ${error.message}`;
});
