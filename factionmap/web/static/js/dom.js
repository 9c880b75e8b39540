// Building DOM nodes from data. Text is only ever set with textContent, never innerHTML, so article text
// (titles, sentences, names) always shows as text, whatever characters it holds.

/**
 * Create an element: el("a", {className: "x", text: "label", href: url}, child1, child2).
 * `text` sets textContent; `href` is set only when it is an http(s) URL.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "className") node.className = value;
    else if (key === "href") {
      const safe = safeHref(value);
      if (safe) node.href = safe;
    } else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The URL if it is http(s), else null (no javascript: or data: links from article metadata). */
export function safeHref(url) {
  try {
    const parsed = new URL(String(url), window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Replace a node's children, leaving out null, undefined and false (never printed as "null"). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Remove every child of a node. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Human words for a relation or event type: "joint_operation" -> "joint operation". */
export function words(type) {
  return String(type).replaceAll("_", " ");
}
