// The view in the URL: time window, filters, selection, focus, labels and tab live in the address's fragment
// (#as_of=2016&types=alliance,allegiance&actor=12&tab=map), so a link reproduces the view. Only what differs
// from the defaults is written. The same view gives the query of /api/export/{fmt}.

const LIST_KEYS = ["types", "kinds", "statuses"];

/** The fragment for a view; `all` holds every choice of each list (a full list is left out). */
export function encodeView(v, all) {
  const p = new URLSearchParams();
  if (v.since && v.since === v.until) p.set("as_of", v.since);
  else {
    if (v.since) p.set("from", v.since);
    if (v.until) p.set("to", v.until);
    if (v.since || v.until) p.set("range", "1");
  }
  for (const key of LIST_KEYS) {
    if (v[key].size !== all[key].length) p.set(key, all[key].filter((x) => v[key].has(x)).join(","));
  }
  if (v.minSources > 1) p.set("min", String(v.minSources));
  if (!v.undated) p.set("undated", "0");
  if (v.actorId) p.set("actor", String(v.actorId));
  if (v.relationId) p.set("relation", String(v.relationId));
  if (v.focus.roots.size) {
    p.set("focus", [...v.focus.roots].join(","));
    p.set("depth", String(v.focus.depth));
  }
  if (v.labelsAll) p.set("labels", "all");
  if (v.tab !== "details") p.set("tab", v.tab);
  return p.toString();
}

function ids(text) {
  return (text ?? "").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

/** Read a fragment into `v` (a view with defaults), ignoring anything unknown or malformed. */
export function decodeView(fragment, v, all, isDate) {
  const p = new URLSearchParams(fragment.replace(/^#/, ""));
  const date = (key) => (isDate(p.get(key) ?? "") ? p.get(key) : null);
  if (date("as_of")) v.since = v.until = date("as_of");
  else if (p.has("range")) [v.since, v.until] = [date("from"), date("to")];
  for (const key of LIST_KEYS) {
    if (p.has(key)) v[key] = new Set(p.get(key).split(",").filter((x) => all[key].includes(x)));
  }
  v.minSources = Math.max(1, Number(p.get("min")) || 1);
  v.undated = p.get("undated") !== "0";
  v.actorId = ids(p.get("actor"))[0] ?? null;
  v.relationId = ids(p.get("relation"))[0] ?? null;
  v.focus = { roots: new Set(ids(p.get("focus"))), depth: Math.min(3, Math.max(1, Number(p.get("depth")) || 1)) };
  v.labelsAll = p.get("labels") === "all";
  v.tab = all.tabs.includes(p.get("tab")) ? p.get("tab") : "details";
  return v;
}

/** The query of /api/export/{fmt} for a view: what the network shows (an empty list: nothing to export). */
export function exportQuery(v, all) {
  const p = new URLSearchParams();
  if (v.since && v.since === v.until) p.set("as_of", v.since);
  else {
    if (v.since) p.set("since", v.since);
    if (v.until) p.set("until", v.until);
  }
  for (const key of LIST_KEYS) {
    if (v[key].size !== all[key].length) p.set(key, all[key].filter((x) => v[key].has(x)).join(","));
  }
  if (v.minSources > 1) p.set("min_sources", String(v.minSources));
  if (!v.undated) p.set("undated", "false");
  for (const id of v.focus.roots) p.append("actor_id", String(id));
  return p.toString();
}
