// The network of actors, drawn with Cytoscape.js from /api/graph/compact. Nodes: shape and colour by kind,
// size by how much is known. Edges: colour by type, arrows for directed types, dashes for uncertain, dots for
// claimed. Filtering (types, kinds, statuses, sources, "as of") hides elements without moving the rest, so time
// can be played smoothly.
//
// Large networks are drawn in steps so the first view comes quickly and nothing is left out: the server sends
// the relations strongest first (most sources, then confidence), the first FIRST_DRAW of them (with their
// actors) are drawn at once, and the rest are added BATCH at a time when the page is idle, or all at once with
// `showAll()`. Every actor's place is fixed up front (a sunflower spiral, best-known actors in the middle), so
// nothing moves as edges arrive. Filters are computed over all relations, loaded or not, so the counts shown
// are always those of the whole network.

import cytoscape from "/static/vendor/cytoscape/cytoscape.esm.min.js";
import { lowerBound, upperBound } from "./dates.js";
import { KIND_STYLE, LINE_STYLE, TYPE_COLOR } from "./style.js";

export const FIRST_DRAW = 1000;
export const BATCH = 2500;
const BIG_GRAPH = 300;
const SPACING = 40; // px between neighbours on the spiral
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

// Styles map from element data rather than one selector per type or kind: far fewer selectors to match, which
// is what keeps a 10,000-edge network quick to build. Labels are sized with the node, so at a distance only
// the big (best-known) actors are named.
function styles(big) {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": "data(fontSize)",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": big ? "none" : "ellipsis",
        "text-max-width": 120,
        "min-zoomed-font-size": big ? 9 : 7,
        width: "data(size)",
        height: "data(size)",
        shape: "data(shape)",
        "background-color": "data(color)",
        "border-width": 1,
        "border-color": "#333",
      },
    },
    {
      selector: "edge",
      style: {
        width: big ? 1.5 : 2,
        "curve-style": big ? "straight" : "bezier",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "data(arrow)",
        "line-style": "data(lineStyle)",
        "arrow-scale": big ? 0.7 : 0.9,
        opacity: 0.85,
      },
    },
    { selector: ".off", style: { display: "none" } },
    { selector: ":selected", style: { "border-width": 3, "border-color": "#f1c40f", "line-color": "#f1c40f" } },
    { selector: "edge:selected", style: { width: 4, "target-arrow-color": "#f1c40f" } },
  ];
}

/** The compact payload with vocabulary indices resolved and dates turned into comparable bounds. */
function decode(graph) {
  const n = graph.nodes;
  const e = graph.edges;
  const kind = n.kind.map((k) => graph.kinds[k]);
  const type = e.type.map((t) => graph.types[t]);
  const status = e.status.map((s) => graph.statuses[s]);
  return {
    nodeCount: n.id.length,
    edgeCount: e.id.length,
    nodeId: n.id,
    name: n.name,
    kind,
    weight: n.weight,
    edgeId: e.id,
    s: e.s,
    t: e.t,
    type,
    directed: e.type.map((t) => graph.directed[t]),
    status,
    sources: e.sources,
    // In force as of a date (as dates.inForce): started on or before its last day, not ended before its first.
    startLow: e.start.map((d) => (d ? lowerBound(d) : null)),
    endHigh: e.end.map((d) => (d ? upperBound(d) : null)),
  };
}

/** Places on a sunflower spiral, heaviest first from the centre: even spacing, computed in one pass. */
function spiral(g) {
  const order = Array.from({ length: g.nodeCount }, (_, i) => i).sort((a, b) => g.weight[b] - g.weight[a] || a - b);
  const x = new Float64Array(g.nodeCount);
  const y = new Float64Array(g.nodeCount);
  order.forEach((node, rank) => {
    const r = SPACING * Math.sqrt(rank + 0.5);
    x[node] = r * Math.cos(rank * GOLDEN_ANGLE);
    y[node] = r * Math.sin(rank * GOLDEN_ANGLE);
  });
  return { x, y, radius: SPACING * Math.sqrt(g.nodeCount + 0.5) + 40 };
}

/**
 * Draw the network in `container`. `onNode(actorId)` and `onEdge(relationId)` are called on taps;
 * `onProgress(counts)` after each step of loading (see `applyFilter` for the counts).
 */
export function createNetwork(container, graph, { onNode, onEdge, onProgress = () => {} }) {
  const g = decode(graph);
  const big = g.nodeCount > BIG_GRAPH || g.edgeCount > FIRST_DRAW;
  const maxWeight = Math.max(1, ...g.weight);
  const place = big ? spiral(g) : null;
  const nodeIn = new Uint8Array(g.nodeCount); // added to the drawing
  const edgeOk = new Uint8Array(g.edgeCount); // passes the filters
  const nodeShown = new Int32Array(g.nodeCount); // loaded edges that pass the filters, per node
  let loaded = 0; // edges [0, loaded) are drawn (they come strongest first)
  let timer = null;

  function nodeElement(i) {
    const style = KIND_STYLE[g.kind[i]] ?? KIND_STYLE.organization;
    const size = 14 + 46 * Math.sqrt(g.weight[i] / maxWeight);
    return {
      group: "nodes",
      data: {
        id: `a${g.nodeId[i]}`,
        index: i,
        actorId: g.nodeId[i],
        label: g.name[i],
        kind: g.kind[i],
        shape: style.shape,
        color: style.color,
        weight: g.weight[i],
        size,
        fontSize: big ? Math.round(5 + size / 4) : 10,
      },
      position: place ? { x: place.x[i], y: place.y[i] } : undefined,
      classes: nodeShown[i] ? "" : "off",
    };
  }

  function edgeElement(j) {
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
        arrow: g.directed[j] ? "triangle" : "none",
        color: TYPE_COLOR[g.type[j]] ?? "#999",
        lineStyle: LINE_STYLE[g.status[j]] ?? "solid",
      },
      classes: edgeOk[j] ? "" : "off",
    };
  }

  function passes(j, { asOf, types, kinds, statuses, minSources }, asOfLow, asOfHigh) {
    return (
      types.has(g.type[j]) &&
      statuses.has(g.status[j]) &&
      g.sources[j] >= minSources &&
      kinds.has(g.kind[g.s[j]]) &&
      kinds.has(g.kind[g.t[j]]) &&
      (!asOf || ((!g.startLow[j] || g.startLow[j] <= asOfHigh) && (!g.endHigh[j] || asOfLow <= g.endHigh[j])))
    );
  }

  /** Mark which edges pass `f`, all of them, loaded or not. */
  function evaluate(f) {
    const low = f.asOf ? lowerBound(f.asOf) : null;
    const high = f.asOf ? upperBound(f.asOf) : null;
    for (let j = 0; j < g.edgeCount; j += 1) edgeOk[j] = passes(j, f, low, high) ? 1 : 0;
  }

  /** What shows: actors and relations passing the filters (all of them), and how many of those are drawn. */
  function counts() {
    const actors = new Uint8Array(g.nodeCount);
    let edges = 0;
    let drawn = 0;
    for (let j = 0; j < g.edgeCount; j += 1) {
      if (!edgeOk[j]) continue;
      edges += 1;
      if (j < loaded) drawn += 1;
      actors[g.s[j]] = 1;
      actors[g.t[j]] = 1;
    }
    return { nodes: actors.reduce((a, b) => a + b, 0), edges, drawn, loaded, total: g.edgeCount, done: loaded === g.edgeCount };
  }

  /** Add edges [loaded, upto) and the actors they join, filtered as now. */
  function load(upto) {
    const start = loaded;
    const end = Math.min(upto, g.edgeCount);
    if (end <= start) return;
    const wake = [];
    for (let j = start; j < end; j += 1) {
      if (!edgeOk[j]) continue;
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

  /** Show only what passes the filters; returns the counts (all relations, and how many of them are drawn). */
  function applyFilter(f) {
    evaluate(f);
    nodeShown.fill(0);
    for (let j = 0; j < loaded; j += 1) {
      if (edgeOk[j]) {
        nodeShown[g.s[j]] += 1;
        nodeShown[g.t[j]] += 1;
      }
    }
    if (loaded) {
      cy.batch(() => {
        cy.edges().forEach((edge) => {
          const off = !edgeOk[edge.data("index")];
          if (edge.hasClass("off") !== off) edge.toggleClass("off", off);
        });
        cy.nodes().forEach((node) => {
          const off = !nodeShown[node.data("index")] && !node.selected();
          if (node.hasClass("off") !== off) node.toggleClass("off", off);
        });
      });
    }
    return counts();
  }

  /** Draw the first edges (all of a small network); returns the counts. */
  function start(f) {
    evaluate(f);
    load(big ? FIRST_DRAW : g.edgeCount);
    if (place) {
      const box = container.getBoundingClientRect();
      const zoom = Math.min(box.width, box.height) / (2 * place.radius);
      cy.viewport({ zoom, pan: { x: box.width / 2, y: box.height / 2 } });
    } else {
      cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 }).run();
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

  /** Select and centre an actor's node, if it is in the network (drawing it now if it was not yet). */
  function focusActor(actorId) {
    const i = g.nodeId.indexOf(actorId);
    if (i < 0) return false;
    if (!nodeIn[i]) {
      nodeIn[i] = 1;
      cy.add(nodeElement(i));
    }
    const node = cy.getElementById(`a${actorId}`);
    cy.elements().unselect();
    node.removeClass("off").select();
    cy.animate({ center: { eles: node }, duration: 300 });
    return true;
  }

  return { cy, start, loadRest, showAll, applyFilter, focusActor };
}
