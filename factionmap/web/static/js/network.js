// The network of actors, drawn with Cytoscape.js. Nodes: shape and colour by kind, size by how much is known.
// Edges: colour by type, arrows for directed types, dashes for uncertain, dots for claimed. Filtering (types,
// kinds, statuses, sources, "as of") hides elements without moving the rest, so time can be played smoothly.

import cytoscape from "/static/vendor/cytoscape/cytoscape.esm.min.js";
import { inForce } from "./dates.js";

export const KIND_STYLE = {
  armed_group: { shape: "ellipse", color: "#c0392b" },
  state: { shape: "round-rectangle", color: "#2e6da4" },
  person: { shape: "triangle", color: "#3c8d40" },
  organization: { shape: "diamond", color: "#7f7f7f" },
};

export const TYPE_COLOR = {
  allegiance: "#8e44ad",
  branch_of: "#5b2c6f",
  alliance: "#27ae60",
  joint_operation: "#16a085",
  rivalry: "#e67e22",
  conflict: "#c0392b",
  splinter_of: "#d35400",
  merger: "#2980b9",
  leader_of: "#34495e",
  member_of: "#7f8c8d",
};

const BIG_GRAPH = 300;

const LINE_STYLE = { uncertain: "dashed", claimed: "dotted" };

// Styles map from element data rather than one selector per type or kind: far fewer selectors to match,
// which is what keeps a 10,000-edge network quick to build.
function styles(big) {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": 10,
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": 120,
        "min-zoomed-font-size": 7,
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
        width: 2,
        "curve-style": big ? "straight" : "bezier",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "data(arrow)",
        "line-style": "data(lineStyle)",
        "arrow-scale": 0.9,
        opacity: 0.85,
      },
    },
    { selector: ".off", style: { display: "none" } },
    { selector: ":selected", style: { "border-width": 3, "border-color": "#f1c40f", "line-color": "#f1c40f" } },
    { selector: "edge:selected", style: { width: 4, "target-arrow-color": "#f1c40f" } },
  ];
}

function elements(graph) {
  const maxWeight = Math.max(1, ...graph.nodes.map((n) => n.weight));
  const nodes = graph.nodes.map((n) => ({
    group: "nodes",
    data: {
      id: `a${n.id}`,
      actorId: n.id,
      label: n.name,
      kind: n.kind,
      shape: (KIND_STYLE[n.kind] ?? KIND_STYLE.organization).shape,
      color: (KIND_STYLE[n.kind] ?? KIND_STYLE.organization).color,
      weight: n.weight,
      size: 14 + 46 * Math.sqrt(n.weight / maxWeight),
    },
  }));
  const edges = graph.edges.map((e) => ({
    group: "edges",
    data: {
      id: `r${e.id}`,
      relationId: e.id,
      source: `a${e.subject_id}`,
      target: `a${e.object_id}`,
      type: e.type,
      directed: e.directed,
      arrow: e.directed ? "triangle" : "none",
      color: TYPE_COLOR[e.type] ?? "#999",
      lineStyle: LINE_STYLE[e.status] ?? "solid",
      status: e.status,
      start: e.start,
      end: e.effective_end,
      sources: e.n_sources,
    },
  }));
  return [...nodes, ...edges];
}

function layoutOptions(nodeCount) {
  if (nodeCount > BIG_GRAPH) {
    return { name: "concentric", concentric: (n) => n.data("weight"), levelWidth: () => 4, animate: false };
  }
  return { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 };
}

/** Draw the network in `container`; `onNode(actorId)` and `onEdge(relationId)` are called on taps. */
export function createNetwork(container, graph, { onNode, onEdge }) {
  const big = graph.nodes.length > BIG_GRAPH;
  const cy = cytoscape({
    container,
    elements: elements(graph),
    style: styles(big),
    layout: layoutOptions(graph.nodes.length),
    minZoom: 0.05,
    maxZoom: 4,
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    pixelRatio: big ? 1 : "auto",
  });
  cy.on("tap", "node", (event) => onNode(event.target.data("actorId")));
  cy.on("tap", "edge", (event) => onEdge(event.target.data("relationId")));

  /** Show only what passes the filters; returns the counts shown. */
  function applyFilter({ asOf, types, kinds, statuses, minSources }) {
    let shownEdges = 0;
    const shownNodes = new Set();
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const d = edge.data();
        const ok =
          types.has(d.type) &&
          statuses.has(d.status) &&
          d.sources >= minSources &&
          kinds.has(edge.source().data("kind")) &&
          kinds.has(edge.target().data("kind")) &&
          inForce(d.start, d.end, asOf);
        edge.toggleClass("off", !ok);
        if (ok) {
          shownEdges += 1;
          shownNodes.add(d.source).add(d.target);
        }
      });
      cy.nodes().forEach((node) => node.toggleClass("off", !shownNodes.has(node.id()) && !node.selected()));
    });
    return { nodes: shownNodes.size, edges: shownEdges };
  }

  /** Select and centre an actor's node, if it is in the network. */
  function focusActor(actorId) {
    const node = cy.getElementById(`a${actorId}`);
    if (node.empty()) return false;
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, duration: 300 });
    return true;
  }

  return { cy, applyFilter, focusActor };
}
