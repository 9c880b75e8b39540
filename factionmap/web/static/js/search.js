// Search by any name or alias (GET /api/actors?q=), with keyboard-friendly results.

import { getJSON } from "./api.js";
import { el } from "./dom.js";
import { labelOf } from "./vocab.js";

/** Wire the search box; `onPick(actorId)` is called with the chosen actor. */
export function attachSearch(form, input, results, onPick, vocab) {
  let timer = null;
  let seq = 0;

  async function run() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) {
      results.hidden = true;
      return;
    }
    const actors = await getJSON("actors", { q, limit: 12 });
    if (mine !== seq) return;
    results.replaceChildren(
      ...actors.map((a) => {
        const aliases = a.aliases.length ? ` (${a.aliases.slice(0, 3).join(", ")})` : "";
        return el(
          "li",
          {},
          el("button", {
            type: "button",
            text: `${a.name}${aliases} · ${labelOf(vocab.actor_kinds, a.kind)}`,
            onclick: () => {
              results.hidden = true;
              onPick(a.id);
            },
          }),
        );
      }),
    );
    if (!actors.length) results.append(el("li", { className: "hint", text: "No actor has that name." }));
    results.hidden = false;
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run().then(() => results.querySelector("button")?.click());
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") results.hidden = true;
  });
}
