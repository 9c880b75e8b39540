// The time controls: "as of" one date, or a range from one date to another; a slider over days with a tick and a
// label per year; date boxes (YYYY, YYYY-MM or YYYY-MM-DD); Play, a year a step at a chosen speed; the undated
// relations' switch and count; and "All dates". The window goes out as {since, until}: both null for all dates,
// equal for "as of".

import { dayNumber, isoDay, isPartialDate, lowerBound, upperBound } from "./dates.js";
import { el } from "./dom.js";

const MIN_TICK_PX = 44;

function yearOf(value) {
  return Number(value.slice(0, 4));
}

/** Year ticks under the slider: every year marked, labels thinned so they never overlap. */
function drawTicks(ticks, datalist, first, last) {
  const years = [];
  for (let y = yearOf(isoDay(first)); y <= yearOf(isoDay(last)); y += 1) {
    if (dayNumber(`${y}-01-01`) >= first) years.push(y);
  }
  const width = ticks.getBoundingClientRect().width || 600;
  const every = Math.max(1, Math.ceil((years.length * MIN_TICK_PX) / width));
  datalist.replaceChildren(...years.map((y) => el("option", { value: String(dayNumber(`${y}-01-01`)) })));
  ticks.replaceChildren(
    ...years.map((y) => {
      const at = (100 * (dayNumber(`${y}-01-01`) - first)) / (last - first);
      const labelled = y % every === 0;
      // A label near the right end goes left of its tick, so it never sticks out of the page.
      const tick = el("span", { className: `tick${labelled ? " labelled" : ""}${at > 92 ? " end" : ""}`,
        text: labelled ? y : "" });
      tick.style.left = `${at}%`;
      return tick;
    }),
  );
}

/**
 * Wire the controls over [firstDate, lastDate]; `onChange({since, until})` on every change. Returns
 * {set(since, until, range), stop(), window()}.
 */
export function attachTimebar(nodes, firstDate, lastDate, onChange) {
  const { slider, sliderFrom, box, fromBox, rangeMode, play, speed, allDates, ticks, marks } = nodes;
  const first = dayNumber(lowerBound(firstDate ?? "2000"));
  const last = dayNumber(upperBound(lastDate ?? String(new Date().getUTCFullYear())));
  for (const s of [slider, sliderFrom]) {
    s.min = String(first);
    s.max = String(last);
  }
  slider.value = String(last);
  sliderFrom.value = String(first);
  let current = { since: null, until: null };
  let timer = null;

  function showRange(on) {
    rangeMode.checked = on;
    sliderFrom.hidden = !on;
    fromBox.hidden = !on;
    nodes.fromLabel.hidden = !on;
    box.setAttribute("aria-label", on ? "To (YYYY, YYYY-MM or YYYY-MM-DD)" : "As of (YYYY, YYYY-MM or YYYY-MM-DD)");
  }

  function set(since, until, { range = since !== until, fromInput = null } = {}) {
    showRange(range);
    current = { since, until };
    if (until) slider.value = String(dayNumber(lowerBound(until)));
    if (since) sliderFrom.value = String(dayNumber(lowerBound(since)));
    if (fromInput !== box) box.value = until ?? "";
    if (fromInput !== fromBox) fromBox.value = range ? (since ?? "") : "";
    box.removeAttribute("aria-invalid");
    fromBox.removeAttribute("aria-invalid");
    allDates.disabled = since === null && until === null;
    onChange(current);
  }

  function stop() {
    clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
    play.setAttribute("aria-pressed", "false");
  }

  /** One year on: "as of" goes to the next whole year; a range moves by a year, keeping its length. */
  function step() {
    const lastYear = yearOf(isoDay(last));
    const until = current.until ? yearOf(current.until) + 1 : yearOf(isoDay(first));
    if (until > lastYear) {
      stop();
      return;
    }
    if (rangeMode.checked && current.since) {
      const width = Math.max(0, yearOf(current.until ?? current.since) - yearOf(current.since));
      set(String(until - width), String(until), { range: true });
    } else set(String(until), String(until), { range: false });
  }

  function start() {
    if (!current.until || yearOf(current.until) >= yearOf(isoDay(last))) current = { since: null, until: null };
    play.textContent = "❚❚ Pause";
    play.setAttribute("aria-pressed", "true");
    step();
    timer = setInterval(step, Number(speed.value));
  }

  slider.addEventListener("input", () => {
    const day = isoDay(Number(slider.value));
    if (rangeMode.checked) set(current.since ?? isoDay(first), day < (current.since ?? "") ? current.since : day, { range: true });
    else set(day, day, { range: false });
  });
  sliderFrom.addEventListener("input", () => {
    const day = isoDay(Number(sliderFrom.value));
    const until = current.until && current.until >= day ? current.until : isoDay(last);
    set(day, until, { range: true });
  });
  box.addEventListener("change", () => typed(box));
  fromBox.addEventListener("change", () => typed(fromBox));
  rangeMode.addEventListener("change", () => {
    if (rangeMode.checked) set(current.since ?? isoDay(first), current.until ?? isoDay(last), { range: true });
    else set(current.until, current.until, { range: false });
  });
  speed.addEventListener("change", () => {
    if (timer) {
      clearInterval(timer);
      timer = setInterval(step, Number(speed.value));
    }
  });
  play.addEventListener("click", () => (timer ? stop() : start()));
  allDates.addEventListener("click", () => {
    stop();
    slider.value = String(last);
    set(null, null, { range: false });
  });

  /** A typed date: empty clears that end, a valid partial date sets it, anything else is marked invalid. */
  function typed(input) {
    const value = input.value.trim();
    if (value !== "" && !isPartialDate(value)) {
      input.setAttribute("aria-invalid", "true");
      return;
    }
    const date = value || null;
    if (!rangeMode.checked) set(date, date, { range: false, fromInput: input });
    else if (input === fromBox) set(date, current.until, { range: true, fromInput: input });
    else set(current.since, date, { range: true, fromInput: input });
  }

  drawTicks(ticks, marks, first, last);
  new ResizeObserver(() => drawTicks(ticks, marks, first, last)).observe(ticks);
  allDates.disabled = true;
  return { set, stop, window: () => current };
}
