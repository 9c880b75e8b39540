// The page: loads the network once (/api/graph/compact) and the vocabulary (/api/vocabulary), then filters the
// network in the browser; the side panel, tables, map and timeline follow the selection and the time window.
// The whole view is kept in the URL (viewstate.js). Everything comes from the JSON API under /api/. The graph
// library is imported while the data loads; the map and timeline libraries when their tab first opens.

import { getJSON } from "./api.js";
import { isPartialDate, lowerBound, upperBound } from "./dates.js";
import { el, fill } from "./dom.js";
import { renderLegend } from "./legend.js";
import { showActor, showEvidence, showIncident } from "./panels.js";
import { attachSearch } from "./search.js";
import { createTables } from "./sidetables.js";
import { attachTimebar } from "./timebar.js";
import { decodeView, encodeView, exportQuery } from "./viewstate.js";
import { networkStatuses, networkTypes } from "./vocab.js";

const $ = (id) => document.getElementById(id);
const TABS = ["details", "relations", "events", "sources", "map", "timeline"];
const EXPORTS = ["graphml", "stix", "mmp", "acled"];
const PHONE = 760;
const MAX_DEPTH = 4;

let vocab = null;
let all = null; // every choice of each filter, and the tabs
let view = null;
let network = null;
let tables = null;
let mapView = null;
let timelineView = null;
let mapConfig = null;
let sideTimer = null;
let lastLinks = [];
let incidents = [];

function defaultView() {
  return {
    since: null, until: null, types: new Set(all.types), kinds: new Set(all.kinds), statuses: new Set(all.statuses),
    minSources: 1, undated: true, actorId: null, relationId: null, focus: { roots: new Set(), depth: 1 },
    labelsAll: false, tab: "details",
  };
}

function writeUrl() {
  const fragment = encodeView(view, all);
  history.replaceState(null, "", fragment ? `#${fragment}` : window.location.pathname);
  const empty = ["types", "kinds", "statuses"].some((key) => view[key].size === 0);
  for (const fmt of EXPORTS) {
    const link = $(`export-${fmt}`);
    if (empty) link.removeAttribute("href");
    else link.href = `/api/export/${fmt}?${exportQuery(view, all)}`;
    link.setAttribute("aria-disabled", String(empty));
  }
}

function checkboxes(fieldset, items, chosen) {
  for (const item of items) {
    const box = el("input", { type: "checkbox", value: item.name });
    box.checked = chosen.has(item.name);
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(item.name);
      else chosen.delete(item.name);
      refreshNetwork();
    });
    fieldset.append(el("label", { className: "check" }, box, ` ${item.label}`));
  }
}

function whenText() {
  if (!view.since && !view.until) return "all dates";
  if (view.since === view.until) return `as of ${view.since}`;
  return `from ${view.since ?? "the start"} to ${view.until ?? "now"}`;
}

/** The status line: what shows, what changed in the window, and while a large network loads, how much is in. */
function showStatus(counts) {
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const changes = view.since || view.until ? ` · ${counts.began} began, ${counts.ended} ended` : "";
  const undated = view.undated ? "" : ` · ${plural(counts.undated, "undated relation")} hidden`;
  $("graph-status").textContent = counts.done
    ? `${counts.nodes} actors, ${counts.edges} relations · ${whenText()}${changes}${undated}`
    : `Showing ${counts.drawn} of ${plural(counts.edges, "relation")} (strongest first) · ${whenText()} — loading…`;
  $("undated-count").textContent = String(counts.undated);
  $("show-all").hidden = counts.done;
  $("expand").hidden = view.focus.roots.size === 0 || view.focus.depth >= MAX_DEPTH;
  document.body.dataset.loaded = counts.done ? "all" : "partial";
}

function refreshNetwork() {
  showStatus(network.applyFilter(view));
  writeUrl();
  if (view.tab === "relations") tables.relations(network.shownRelations());
  refreshSide();
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

function inWindow(date) {
  if (!date) return view.undated || (!view.since && !view.until);
  return (!view.until || lowerBound(date) <= upperBound(view.until)) && (!view.since || upperBound(date) >= lowerBound(view.since));
}

/** The map, the timeline and the events table follow the selection and the window (debounced while playing). */
function refreshSide() {
  clearTimeout(sideTimer);
  sideTimer = setTimeout(async () => {
    const actor = view.focus.roots.size ? [...view.focus.roots][0] : view.actorId;
    const [links, found] = await Promise.all([
      getJSON("places", { actor_id: actor, as_of: view.until }),
      getJSON("incidents", { actor_id: actor }),
    ]);
    lastLinks = links;
    incidents = found;
    updateMap();
    updateTimeline();
    if (view.tab === "events") tables.events(incidents.filter((i) => inWindow(i.date)));
    document.body.dataset.side = String(Number(document.body.dataset.side ?? 0) + 1);
  }, 200);
}

function updateMap() {
  const placed = lastLinks.filter((link) => link.place.lat !== null && link.place.lon !== null).length;
  $("map-status").textContent = `${placed} place marker${placed === 1 ? "" : "s"}${view.until ? ` as of ${view.until}` : ""}`;
  if (mapView) mapView.show(lastLinks);
}

function updateTimeline() {
  const dated = incidents.filter((i) => i.date).length;
  const who = view.actorId ? "the selected actor" : "all actors";
  $("timeline-status").textContent = `${dated} dated incident${dated === 1 ? "" : "s"}, ${incidents.length - dated} undated · ${who} · ${whenText()}`;
  if (timelineView) timelineView.show(incidents, { since: view.since, until: view.until });
}

async function openActor(actorId, { pan = false } = {}) {
  view.actorId = actorId;
  view.relationId = null;
  network.selectActor(actorId, { pan });
  const profile = await getJSON(`actors/${actorId}`);
  showActor($("details"), profile, vocab, { onRelation: openRelation, onActor: (id) => openActor(id, { pan: true }), onFocus: focus });
  selectTab("details");
  if (window.innerWidth < PHONE) $("tab-details").scrollIntoView({ block: "start" });
  writeUrl();
  refreshSide();
  if (view.tab === "sources") tables.documents(await getJSON("documents", { actor_id: view.actorId }));
}

async function openRelation(relationId) {
  view.relationId = relationId;
  const data = await getJSON(`relations/${relationId}/evidence`);
  showEvidence($("details"), data, vocab, { onActor: (id) => openActor(id, { pan: true }) });
  selectTab("details");
  if (window.innerWidth < PHONE) $("tab-details").scrollIntoView({ block: "start" });
  writeUrl();
}

function focus(actorId, depth) {
  view.focus = { roots: new Set([actorId]), depth };
  refreshNetwork();
  network.fit();
}

function reset() {
  view.focus = { roots: new Set(), depth: 1 };
  view.actorId = null;
  view.relationId = null;
  network.clearSelection();
  fill($("details"), el("p", { className: "hint", text: "Click a group to open its page, or a line to read the evidence behind it." }));
  refreshNetwork();
  network.fit();
}

/** Leaflet and vis-timeline need a visible container, so each is made the first time its tab opens. */
async function openMap() {
  if (!mapView) {
    const { createMap } = await import("./mapview.js");
    mapView = await createMap($("map"), $("map-attribution"), mapConfig, vocab);
    document.body.dataset.map = "ready";
  }
  mapView.refresh();
  updateMap();
}

async function openTimeline() {
  if (!timelineView) {
    const { createTimeline } = await import("./timeline.js");
    timelineView = createTimeline($("timeline"), $("timeline-undated"), vocab, (incident) =>
      showIncident($("timeline-detail"), incident, vocab));
    document.body.dataset.timeline = "ready";
  }
  timelineView.redraw();
  updateTimeline();
}

async function selectTab(name) {
  view.tab = name;
  document.body.dataset.tab = name;
  for (const button of document.querySelectorAll(".tabs button")) {
    const on = button.dataset.tab === name;
    button.setAttribute("aria-selected", String(on));
    button.tabIndex = on ? 0 : -1;
    $(`tab-${button.dataset.tab}`).hidden = !on;
  }
  writeUrl();
  const width = network.cy.width();
  network.cy.resize();
  if (network.cy.width() !== width) network.fit();
  if (name === "map") await openMap();
  if (name === "timeline") await openTimeline();
  if (name === "relations") tables.relations(network.shownRelations());
  if (name === "events") tables.events(incidents.filter((i) => inWindow(i.date)));
  if (name === "sources") tables.documents(await getJSON("documents", { actor_id: view.actorId }));
}

function wireTabs() {
  const buttons = [...document.querySelectorAll(".tabs button")];
  for (const [i, button] of buttons.entries()) {
    button.addEventListener("click", () => selectTab(button.dataset.tab));
    button.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = buttons[(i + step + buttons.length) % buttons.length];
      next.focus();
      selectTab(next.dataset.tab);
    });
  }
}

function wireFilters() {
  checkboxes($("f-types"), networkTypes(vocab), view.types);
  checkboxes($("f-kinds"), vocab.actor_kinds, view.kinds);
  checkboxes($("f-statuses"), networkStatuses(vocab), view.statuses);
  $("f-min-sources").value = String(view.minSources);
  $("f-min-sources").addEventListener("change", (event) => {
    view.minSources = Math.max(1, Number(event.target.value) || 1);
    refreshNetwork();
  });
  $("filters-close").addEventListener("click", () => {
    $("filters").open = false;
  });
  $("undated").checked = view.undated;
  $("undated").addEventListener("change", () => {
    view.undated = $("undated").checked;
    refreshNetwork();
  });
  $("labels-all").checked = view.labelsAll;
  $("labels-all").addEventListener("change", () => {
    view.labelsAll = $("labels-all").checked;
    network.setLabelsAll(view.labelsAll);
    writeUrl();
  });
  $("fit").addEventListener("click", () => network.fit());
  $("reset").addEventListener("click", reset);
  $("expand").addEventListener("click", () => {
    view.focus.depth = Math.min(MAX_DEPTH, view.focus.depth + 1);
    refreshNetwork();
    network.fit();
  });
  if (window.innerWidth < PHONE) $("legend-box").open = false;
}

function startNetwork(createNetwork, graph) {
  performance.mark("fm-data");
  network = createNetwork($("network"), graph, vocab, {
    onNode: (id) => openActor(id),
    onEdge: openRelation,
    onProgress,
  });
  window.factionmap = { cy: network.cy, view, progress: [], network };
  const first = network.start(view);
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
  if (view.labelsAll) network.setLabelsAll(true);
}

async function restoreSelection() {
  const { tab, relationId } = view; // opening the actor's page selects the details tab
  if (view.focus.roots.size) network.fit();
  if (view.actorId) await openActor(view.actorId, { pan: true });
  if (relationId) await openRelation(relationId);
  await selectTab(tab);
}

async function main() {
  const [config, stats, vocabulary, graph, { createNetwork }] = await Promise.all([
    getJSON("config"),
    getJSON("stats"),
    getJSON("vocabulary"),
    getJSON("graph/compact"),
    import("./network.js"),
  ]);
  vocab = vocabulary;
  mapConfig = config;
  all = {
    types: networkTypes(vocab).map((t) => t.name),
    kinds: vocab.actor_kinds.map((k) => k.name),
    statuses: networkStatuses(vocab).map((s) => s.name),
    tabs: TABS,
  };
  view = decodeView(window.location.hash, defaultView(), all, isPartialDate);
  renderLegend($("legend"), vocab);
  wireFilters();
  tables = createTables({ vocab, onRelation: openRelation, onActor: (id) => openActor(id, { pan: true }),
    onIncident: (incident) => {
      showIncident($("details"), incident, vocab);
      selectTab("details");
    } });
  startNetwork(createNetwork, graph);
  const timebar = attachTimebar(
    { slider: $("slider"), sliderFrom: $("slider-from"), box: $("as-of"), fromBox: $("from"), fromLabel: $("from-label"),
      rangeMode: $("range-mode"), play: $("play"), speed: $("speed"), allDates: $("all-dates"),
      ticks: $("year-ticks"), marks: $("year-marks") },
    stats.first_date,
    stats.last_date,
    ({ since, until }) => {
      view.since = since;
      view.until = until;
      refreshNetwork();
    },
  );
  window.factionmap.timebar = timebar;
  if (view.since || view.until) timebar.set(view.since, view.until, { range: view.since !== view.until });
  attachSearch($("search"), $("search-input"), $("search-results"), (id) => openActor(id, { pan: true }), vocab);
  wireTabs();
  writeUrl();
  refreshSide();
  await restoreSelection();
}

main().catch((error) => {
  document.body.dataset.state = "error";
  $("graph-status").textContent = `Could not load the map: ${error.message}`;
});
