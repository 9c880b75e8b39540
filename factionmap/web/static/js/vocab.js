// The ontology's vocabulary as the page uses it, from /api/vocabulary (labels, colours, line styles).

/** A list of {name, ...} as an object by name. */
export function byName(items) {
  return Object.fromEntries(items.map((item) => [item.name, item]));
}

/** The relation types the network draws (those between actors, not places). */
export function networkTypes(vocab) {
  return vocab.relation_types.filter((t) => !t.place);
}

/** The statuses the network draws (denied ones never). */
export function networkStatuses(vocab) {
  return vocab.statuses.filter((s) => s.in_network);
}

/** The label of a name in one of the vocabulary's lists, or the name with spaces for underscores. */
export function labelOf(items, name) {
  return items.find((item) => item.name === name)?.label ?? String(name).replaceAll("_", " ");
}
