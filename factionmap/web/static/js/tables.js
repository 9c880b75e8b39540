// Sortable, filterable tables: the relations the network shows, the incidents of the time window, and the
// documents in the store. A header button sorts by its column (again: the other way); the box filters rows by
// any cell's text. Cells are set as text; links only where the URL is http(s) (dom.js).

import { el, fill } from "./dom.js";

const ROW_LIMIT = 500;

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined || a === "") return 1; // blanks last, whichever way
  if (b === null || b === undefined || b === "") return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/**
 * A table in `host`. `columns`: [{key, label, value(row), cell(row)?}] (`value` sorts and filters; `cell`
 * draws, default the value as text). `onRow(row)` on a row's click. Returns {update(rows)}.
 */
export function createTable(host, { name, columns, onRow = null, sortKey = null, descending = false }) {
  let rows = [];
  let key = sortKey ?? columns[0].key;
  let desc = descending;
  const filter = el("input", { type: "search", className: "table-filter", placeholder: "Filter",
    "aria-label": `Filter the ${name}` });
  const count = el("p", { className: "table-count", role: "status" });
  const head = el("tr");
  const body = el("tbody");
  const table = el("table", { className: "data-table" }, el("caption", { className: "visually-hidden", text: name }),
    el("thead", {}, head), body);
  host.replaceChildren(el("div", { className: "table-tools" }, filter, count), el("div", { className: "table-scroll" }, table));

  function header() {
    fill(head, columns.map((c) => {
      const sorted = c.key === key;
      const th = el("th", { scope: "col", "aria-sort": sorted ? (desc ? "descending" : "ascending") : "none" },
        el("button", { type: "button", className: "sort", dataset: { key: c.key },
          text: `${c.label}${sorted ? (desc ? " ▼" : " ▲") : ""}`,
          onclick: () => {
            desc = c.key === key ? !desc : false;
            key = c.key;
            draw();
          } }));
      return th;
    }));
  }

  function matches(row, q) {
    return !q || columns.some((c) => String(c.value(row) ?? "").toLowerCase().includes(q));
  }

  function draw() {
    header();
    const q = filter.value.trim().toLowerCase();
    const col = columns.find((c) => c.key === key);
    const shown = rows.filter((row) => matches(row, q)).sort((a, b) => {
      const order = compare(col.value(a), col.value(b));
      return desc ? -order : order;
    });
    fill(body, shown.slice(0, ROW_LIMIT).map((row) => {
      const tr = el("tr", {}, columns.map((c) => el("td", { dataset: { key: c.key } },
        c.cell ? c.cell(row) : String(c.value(row) ?? ""))));
      if (onRow) {
        tr.classList.add("clickable");
        tr.tabIndex = 0;
        tr.addEventListener("click", (event) => {
          if (!event.target.closest("a")) onRow(row);
        });
        tr.addEventListener("keydown", (event) => {
          if (event.key === "Enter") onRow(row);
        });
      }
      return tr;
    }));
    const more = shown.length > ROW_LIMIT ? ` (first ${ROW_LIMIT} shown)` : "";
    count.textContent = `${shown.length} of ${rows.length} ${name}${more}`;
  }

  filter.addEventListener("input", draw);
  return {
    update(next) {
      rows = next;
      draw();
    },
  };
}
