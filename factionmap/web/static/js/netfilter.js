// Which relations of the network show: the filters, the time window and the focus, computed over every
// relation (drawn or not) as flat arrays, so that playing through time stays quick on 10,000 relations.
// A relation shows in a window [since, until] when it was in force on some day of it (dates.js); one with no
// dates at all shows only when undated relations are on. It began (or ended) in the window when its start (or
// end) falls inside the change window: the range itself, or for a single "as of" date, that date's year.

import { lowerBound, upperBound } from "./dates.js";

/** The compact payload with vocabulary indices resolved and dates turned into comparable bounds. */
export function decode(graph) {
  const n = graph.nodes;
  const e = graph.edges;
  return {
    nodeCount: n.id.length,
    edgeCount: e.id.length,
    nodeId: n.id,
    name: n.name,
    short: n.short,
    kind: n.kind.map((k) => graph.kinds[k]),
    weight: n.weight,
    edgeId: e.id,
    s: e.s,
    t: e.t,
    type: e.type.map((t) => graph.types[t]),
    status: e.status.map((s) => graph.statuses[s]),
    sources: e.sources,
    confidence: e.confidence,
    start: e.start,
    end: e.end,
    startLow: e.start.map((d) => (d ? lowerBound(d) : null)),
    startHigh: e.start.map((d) => (d ? upperBound(d) : null)),
    endLow: e.end.map((d) => (d ? lowerBound(d) : null)),
    endHigh: e.end.map((d) => (d ? upperBound(d) : null)),
  };
}

/** The window as comparable bounds: [low, high] of the time filter and of the change marks (nulls: open). */
export function windowBounds(f) {
  if (!f || (!f.since && !f.until)) return { low: null, high: null, markLow: null, markHigh: null };
  const low = f.since ? lowerBound(f.since) : null;
  const high = f.until ? upperBound(f.until) : null;
  if (f.since && f.since === f.until) {
    const year = f.since.slice(0, 4);
    return { low, high, markLow: `${year}-01-01`, markHigh: `${year}-12-31` };
  }
  return { low, high, markLow: low, markHigh: high };
}

function within(day, low, high) {
  return day !== null && (low === null || day >= low) && (high === null || day <= high);
}

function passesFilters(g, j, f) {
  return (
    f.types.has(g.type[j]) &&
    f.statuses.has(g.status[j]) &&
    g.sources[j] >= f.minSources &&
    f.kinds.has(g.kind[g.s[j]]) &&
    f.kinds.has(g.kind[g.t[j]])
  );
}

/** Which edges pass `f` (all of them, with no filter), which began or ended in the window, and counts. */
export function evaluate(g, f) {
  const ok = new Uint8Array(g.edgeCount);
  const began = new Uint8Array(g.edgeCount);
  const ended = new Uint8Array(g.edgeCount);
  const out = { ok, began, ended, undated: 0, beganCount: 0, endedCount: 0 };
  if (!f) return { ...out, ok: ok.fill(1) };
  const w = windowBounds(f);
  const marking = w.markLow !== null || w.markHigh !== null;
  for (let j = 0; j < g.edgeCount; j += 1) {
    if (!passesFilters(g, j, f)) continue;
    const undated = !g.startLow[j] && !g.endHigh[j];
    if (undated) {
      out.undated += 1;
      ok[j] = f.undated ? 1 : 0;
      continue;
    }
    const inForce = (!g.startLow[j] || w.high === null || g.startLow[j] <= w.high)
      && (!g.endHigh[j] || w.low === null || w.low <= g.endHigh[j]);
    if (!inForce) continue;
    ok[j] = 1;
    if (!marking) continue;
    if (g.startLow[j] && within(g.startLow[j], w.markLow, w.markHigh)) {
      began[j] = 1;
      out.beganCount += 1;
    } else if (g.endHigh[j] && within(g.endLow[j], w.markLow, w.markHigh)) {
      ended[j] = 1;
      out.endedCount += 1;
    }
  }
  return out;
}

/** Nodes within `depth` steps of `roots` over the edges that pass (`ok`), as a 0/1 array by node index. */
export function neighbourhood(g, ok, roots, depth) {
  const keep = new Uint8Array(g.nodeCount);
  let frontier = roots;
  for (const i of roots) keep[i] = 1;
  for (let step = 0; step < depth && frontier.length; step += 1) {
    const inFrontier = new Uint8Array(g.nodeCount);
    for (const i of frontier) inFrontier[i] = 1;
    const next = [];
    for (let j = 0; j < g.edgeCount; j += 1) {
      if (!ok[j]) continue;
      const a = g.s[j];
      const b = g.t[j];
      if (inFrontier[a] && !keep[b]) {
        keep[b] = 1;
        next.push(b);
      }
      if (inFrontier[b] && !keep[a]) {
        keep[a] = 1;
        next.push(a);
      }
    }
    frontier = next;
  }
  return keep;
}
