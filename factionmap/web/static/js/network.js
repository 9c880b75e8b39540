// The network of actors, drawn with Cytoscape.js from /api/graph/compact, styled from /api/vocabulary. Nodes:
// shape and colour by kind, size by how much is known. Edges: colour by type, arrows for directed types, line
// style by status; a phrase ("pledged to") on hovered and selected edges. Filtering (types, kinds, statuses,
// sources, the time window, undated relations, a focus on an actor's neighbourhood) hides elements without
// moving the rest, so time can be played smoothly; relations that begin or end in the time window are marked.
//
// Large networks are drawn in steps so the first view comes quickly and nothing is left out: the server sends
// the relations strongest first (most sources, then confidence), the first FIRST_DRAW of them (with their
// actors) are drawn at once, and the rest are added BATCH at a time when the page is idle, or all at once with
// `showAll()`. Every actor's place is fixed up front (a sunflower spiral, best-known actors in the middle; a
// small network is then laid out by force from there), so the same store always gives the same picture.

import cytoscape from "/static/vendor/cytoscape/cytoscape.esm.min.js";
import { decode, evaluate, neighbourhood } from "./netfilter.js";
import { byName } from "./vocab.js";

export const FIRST_DRAW = 1000;
export const BATCH = 2500;
const BIG_GRAPH = 300;
const NAMED = 40; // the best-known actors are named even when labels are not all shown
const LABEL_PX = 12; // on-screen size of labels in a small network
const SPACING = 40; // px between neighbours on the spiral
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

// Styles map from element data rather than one selector per type or kind: far fewer selectors to match, which
// is what keeps a 10,000-edge network quick to build. Label properties live only in the rules of labelled
// elements, so the many unlabelled ones cost nothing to style.
function styles(big) {
  const labelBox = { color: "#111", "text-background-color": "#ffffff", "text-background-opacity": 0.8,
    "text-background-padding": 1 };
  return [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        shape: "data(shape)",
        "background-color": "data(color)",
        "border-width": 1,
        "border-color": "#333",
      },
    },
    {
      selector: "node.named, node.hl, node:selected",
      style: {
        label: "data(label)",
        "font-size": "data(fontSize)",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "wrap",
        "text-max-width": 140,
        "min-zoomed-font-size": big ? 8 : 0,
        ...labelBox,
      },
    },
    {
      selector: "edge",
      style: {
        width: big ? 1.5 : 2.5,
        "curve-style": big ? "straight" : "bezier",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "data(arrow)",
        "line-style": "data(lineStyle)",
        "arrow-scale": big ? 0.7 : 1,
        opacity: 0.85,
      },
    },
    {
      selector: "edge.hl, edge:selected, edge.around, edge.began, edge.ended",
      style: {
        label: "data(label)", "font-size": "data(fontSize)", "text-rotation": "autorotate", ...labelBox,
        width: big ? 3 : 4, opacity: 1, "z-index": 9,
      },
    },
    { selector: "edge.began", style: { "underlay-color": "#1a9850", "underlay-opacity": 0.35, "underlay-padding": 4 } },
    { selector: "edge.ended", style: { "underlay-color": "#d73027", "underlay-opacity": 0.35, "underlay-padding": 4 } },
    ...(big ? [] : [{ selector: ".faded", style: { opacity: 0.15, "text-opacity": 0.3 } }]),
    { selector: ".off", style: { display: "none" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#b7950b" } },
    { selector: "edge:selected", style: { "line-color": "#b7950b", "target-arrow-color": "#b7950b" } },
  ];
}

/** Places on a sunflower spiral, heaviest first from the centre: even spacing, computed in one pass. */
function spiral(g) {
  const order = Array.from({ length: g.nodeCount }, (_, i) => i).sort((a, b) => g.weight[b] - g.weight[a] || a - b);
  const x = new Float64Array(g.nodeCount);
  const y = new Float64Array(g.nodeCount);
  const named = new Uint8Array(g.nodeCount);
  order.forEach((node, rank) => {
    const r = SPACING * Math.sqrt(rank + 0.5);
    x[node] = r * Math.cos(rank * GOLDEN_ANGLE);
    y[node] = r * Math.sin(rank * GOLDEN_ANGLE);
    if (rank < NAMED) named[node] = 1;
  });
  return { x, y, named, radius: SPACING * Math.sqrt(g.nodeCount + 0.5) + 40 };
}

/**
 * Draw the network in `container`. `onNode(actorId)` and `onEdge(relationId)` are called on taps;
 * `onProgress(counts)` after each step of loading (see `counts`).
 */
export function createNetwork(container, graph, vocab, { onNode, onEdge, onProgress = () => {} }) {
  const g = decode(graph);
  const types = byName(vocab.relation_types);
  const kinds = byName(vocab.actor_kinds);
  const statuses = byName(vocab.statuses);
  const big = g.nodeCount > BIG_GRAPH || g.edgeCount > FIRST_DRAW;
  const maxWeight = Math.max(1, ...g.weight);
  const place = spiral(g);
  const nodeIn = new Uint8Array(g.nodeCount); // added to the drawing
  const nodeShown = new Int32Array(g.nodeCount); // loaded edges that pass the filters, per node
  let view = evaluate(g, null); // which edges pass, and which began or ended in the window
  let loaded = 0; // edges [0, loaded) are drawn (they come strongest first)
  let timer = null;
  let labelScale = 1;

  function nodeElement(i) {
    const kind = kinds[g.kind[i]] ?? kinds.organization;
    const size = 14 + 46 * Math.sqrt(g.weight[i] / maxWeight);
    return {
      group: "nodes",
      data: {
        id: `a${g.nodeId[i]}`,
        index: i,
        actorId: g.nodeId[i],
        label: g.short[i],
        name: g.name[i],
        kind: g.kind[i],
        shape: kind.shape,
        color: kind.color,
        weight: g.weight[i],
        size,
        fontSize: big ? Math.round(5 + size / 4) : LABEL_PX * labelScale,
      },
      position: { x: place.x[i], y: place.y[i] },
      classes: `${nodeShown[i] ? "" : "off"}${place.named[i] ? " named" : ""}`,
    };
  }

  function edgeLabel(j) {
    const phrase = types[g.type[j]]?.phrase ?? g.type[j];
    if (view.began[j]) return `${phrase} · began ${g.start[j]}`;
    if (view.ended[j]) return `${phrase} · ended ${g.end[j]}`;
    return phrase;
  }

  function edgeElement(j) {
    const type = types[g.type[j]];
    return {
      group: "edges",
      data: {
        id: `r${g.edgeId[j]}`,
        index: j,
        relationId: g.edgeId[j],
        source: `a${g.nodeId[g.s[j]]}`,
        target: `a${g.nodeId[g.t[j]]}`,
        type: g.type[j],
        status: g.status[j],
        arrow: type?.directed ? "triangle" : "none",
        color: type?.color ?? "#999",
        lineStyle: statuses[g.status[j]]?.line_style ?? "solid",
        label: edgeLabel(j),
        fontSize: big ? 8 : 10 * labelScale,
      },
      classes: edgeClasses(j),
    };
  }

  function edgeClasses(j) {
    return `${view.ok[j] ? "" : "off"}${view.began[j] ? " began" : ""}${view.ended[j] ? " ended" : ""}`;
  }

  /** What shows: actors and relations passing the filters (all of them), and how many of those are drawn. */
  function counts() {
    const actors = new Uint8Array(g.nodeCount);
    let edges = 0;
    let drawn = 0;
    for (let j = 0; j < g.edgeCount; j += 1) {
      if (!view.ok[j]) continue;
      edges += 1;
      if (j < loaded) drawn += 1;
      actors[g.s[j]] = 1;
      actors[g.t[j]] = 1;
    }
    return {
      nodes: actors.reduce((a, b) => a + b, 0),
      edges,
      drawn,
      loaded,
      total: g.edgeCount,
      done: loaded === g.edgeCount,
      undated: view.undated,
      began: view.beganCount,
      ended: view.endedCount,
    };
  }

  /** Add edges [loaded, upto) and the actors they join, filtered as now. */
  function load(upto) {
    const start = loaded;
    const end = Math.min(upto, g.edgeCount);
    if (end <= start) return;
    const wake = [];
    for (let j = start; j < end; j += 1) {
      if (!view.ok[j]) continue;
      for (const i of [g.s[j], g.t[j]]) {
        if (nodeShown[i] === 0 && nodeIn[i]) wake.push(i);
        nodeShown[i] += 1;
      }
    }
    const elements = [];
    for (let j = start; j < end; j += 1) {
      for (const i of [g.s[j], g.t[j]]) {
        if (!nodeIn[i]) {
          nodeIn[i] = 1;
          elements.push(nodeElement(i));
        }
      }
      elements.push(edgeElement(j));
    }
    loaded = end;
    cy.batch(() => {
      for (const i of wake) cy.getElementById(`a${g.nodeId[i]}`).removeClass("off");
      cy.add(elements);
    });
  }

  const cy = cytoscape({
    container,
    style: styles(big),
    minZoom: 0.02,
    maxZoom: 4,
    motionBlur: false,
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    pixelRatio: big ? 1 : "auto",
  });
  cy.on("tap", "node", (event) => onNode(event.target.data("actorId")));
  cy.on("tap", "edge", (event) => onEdge(event.target.data("relationId")));
  attachHover(cy, container, big);

  /** Show only what passes the filters; returns the counts (all relations, and how many of them are drawn). */
  function applyFilter(f) {
    view = evaluate(g, f);
    if (f.focus?.roots?.size) {
      const keep = neighbourhood(g, view.ok, rootIndices(f.focus.roots), f.focus.depth);
      for (let j = 0; j < g.edgeCount; j += 1) if (!(keep[g.s[j]] && keep[g.t[j]])) view.ok[j] = 0;
    }
    nodeShown.fill(0);
    for (let j = 0; j < loaded; j += 1) {
      if (view.ok[j]) {
        nodeShown[g.s[j]] += 1;
        nodeShown[g.t[j]] += 1;
      }
    }
    if (loaded) restyle();
    return counts();
  }

  function rootIndices(actorIds) {
    return [...actorIds].map((id) => g.nodeId.indexOf(id)).filter((i) => i >= 0);
  }

  function restyle() {
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const j = edge.data("index");
        edge.toggleClass("off", !view.ok[j]);
        const began = Boolean(view.began[j]);
        const ended = Boolean(view.ended[j]);
        if (edge.hasClass("began") !== began || edge.hasClass("ended") !== ended) {
          edge.toggleClass("began", began).toggleClass("ended", ended).data("label", edgeLabel(j));
        }
      });
      cy.nodes().forEach((node) => {
        const off = !nodeShown[node.data("index")] && !node.selected();
        if (node.hasClass("off") !== off) node.toggleClass("off", off);
      });
    });
  }

  /** Labels on every actor (`true`) or on the best-known ones only. */
  function setLabelsAll(on) {
    container.classList.toggle("labels-all", on);
    cy.nodes().toggleClass("named", (node) => on || Boolean(place.named[node.data("index")]));
  }

  /** Keep labels of a small network LABEL_PX on screen at any zoom. */
  function scaleLabels() {
    if (big) return;
    labelScale = 1 / cy.zoom();
    cy.batch(() => {
      cy.nodes().data("fontSize", LABEL_PX * labelScale);
      cy.edges().data("fontSize", 10 * labelScale);
    });
  }
  cy.on("zoom", () => {
    clearTimeout(cy.scratch("_zoomTimer"));
    cy.scratch("_zoomTimer", setTimeout(scaleLabels, 60));
  });

  /** Draw the first edges (all of a small network); returns the counts. */
  function start(f) {
    applyFilter(f);
    load(big ? FIRST_DRAW : g.edgeCount);
    if (big) {
      const box = container.getBoundingClientRect();
      const zoom = Math.min(box.width, box.height) / (2 * place.radius);
      cy.viewport({ zoom, pan: { x: box.width / 2, y: box.height / 2 } });
    } else {
      // From the spiral (fixed), so the same store gives the same picture; cose itself draws no random numbers.
      cy.layout({
        name: "cose", animate: false, randomize: false, nodeRepulsion: () => 40000, idealEdgeLength: () => 110,
        nodeOverlap: 20, padding: 30, numIter: 1000,
      }).run();
      scaleLabels();
    }
    return counts();
  }

  /** Add the rest a batch at a time while the page is idle (`onProgress` after each batch). */
  function loadRest() {
    const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 0));
    const step = () => {
      timer = null;
      if (loaded >= g.edgeCount) return;
      load(loaded + BATCH);
      onProgress(counts());
      if (loaded < g.edgeCount) timer = idle(step, { timeout: 200 });
    };
    if (loaded < g.edgeCount) timer = idle(step, { timeout: 200 });
  }

  /** Add every relation not drawn yet, now. */
  function showAll() {
    if (timer !== null) (window.cancelIdleCallback ?? clearTimeout)(timer);
    timer = null;
    if (loaded < g.edgeCount) {
      load(g.edgeCount);
      onProgress(counts());
    }
  }

  /** Select an actor's node (drawing it now if it was not yet), label its edges; pan only if it is out of view. */
  function selectActor(actorId, { pan = false } = {}) {
    const i = g.nodeId.indexOf(actorId);
    if (i < 0) return false;
    if (!nodeIn[i]) {
      nodeIn[i] = 1;
      cy.add(nodeElement(i));
    }
    const node = cy.getElementById(`a${actorId}`);
    cy.batch(() => {
      cy.elements().unselect();
      cy.edges(".around").removeClass("around");
      node.removeClass("off").select();
      node.connectedEdges().addClass("around");
    });
    const box = node.renderedBoundingBox();
    const outside = box.x2 < 0 || box.y2 < 0 || box.x1 > cy.width() || box.y1 > cy.height();
    if (pan && outside) cy.animate({ center: { eles: node }, duration: 300 });
    return true;
  }

  /** Fit the view to what shows. */
  function fit() {
    const shown = cy.elements().not(".off");
    cy.fit(shown.length ? shown : undefined, 30);
    scaleLabels();
  }

  function clearSelection() {
    cy.batch(() => {
      cy.elements().unselect();
      cy.edges(".around").removeClass("around");
    });
  }

  /** The relations that pass the filters (drawn or not), for the relations table. */
  function shownRelations() {
    const rows = [];
    for (let j = 0; j < g.edgeCount; j += 1) {
      if (!view.ok[j]) continue;
      rows.push({
        id: g.edgeId[j], subject: g.name[g.s[j]], subjectId: g.nodeId[g.s[j]], type: g.type[j],
        object: g.name[g.t[j]], objectId: g.nodeId[g.t[j]], start: g.start[j], end: g.end[j],
        status: g.status[j], confidence: g.confidence[j], sources: g.sources[j],
        change: view.began[j] ? "began" : view.ended[j] ? "ended" : "",
      });
    }
    return rows;
  }

  return {
    cy, start, loadRest, showAll, applyFilter, selectActor, clearSelection, fit, setLabelsAll, shownRelations, big,
  };
}

/** Hovering a node highlights it and its relations (and, in a small network, fades the rest); an edge, itself. */
function attachHover(cy, container, big) {
  const clear = () => {
    cy.batch(() => {
      cy.elements(".hl").removeClass("hl");
      cy.elements(".faded").removeClass("faded");
    });
  };
  cy.on("mouseover", "node", (event) => {
    const around = event.target.closedNeighborhood().not(".off");
    cy.batch(() => {
      around.addClass("hl");
      if (!big) cy.elements().not(around).addClass("faded");
    });
  });
  cy.on("mouseout", "node", clear);
  container.addEventListener("mouseleave", clear); // the pointer can leave a node and the canvas at once
  cy.on("mouseover", "edge", (event) => event.target.addClass("hl"));
  cy.on("mouseout", "edge", (event) => event.target.removeClass("hl"));
}
