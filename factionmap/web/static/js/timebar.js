// The "as of" controls: a slider over days, a date box (YYYY, YYYY-MM or YYYY-MM-DD), play, and "all dates".

import { dayNumber, isoDay, isPartialDate, lowerBound, upperBound } from "./dates.js";

const PLAY_STEP_DAYS = 30;
const PLAY_INTERVAL_MS = 300;

/** Wire the controls over [firstDate, lastDate]; `onChange(asOf)` gets a partial date or null (all dates). */
export function attachTimebar({ slider, box, play, allDates }, firstDate, lastDate, onChange) {
  const first = dayNumber(lowerBound(firstDate ?? "2000"));
  const last = dayNumber(upperBound(lastDate ?? String(new Date().getUTCFullYear())));
  slider.min = String(first);
  slider.max = String(last);
  slider.value = String(last);
  let timer = null;

  function set(asOf, { fromBox = false } = {}) {
    if (asOf) slider.value = String(dayNumber(lowerBound(asOf)));
    if (!fromBox) box.value = asOf ?? "";
    box.removeAttribute("aria-invalid");
    allDates.disabled = asOf === null;
    onChange(asOf);
  }

  function stop() {
    clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
    play.setAttribute("aria-pressed", "false");
  }

  function start() {
    if (!box.value || Number(slider.value) >= last) slider.value = String(first);
    set(isoDay(Number(slider.value)));
    play.textContent = "❚❚ Pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      const next = Number(slider.value) + PLAY_STEP_DAYS;
      if (next > last) {
        stop();
        return;
      }
      set(isoDay(next));
    }, PLAY_INTERVAL_MS);
  }

  slider.addEventListener("input", () => set(isoDay(Number(slider.value))));
  box.addEventListener("change", () => {
    const value = box.value.trim();
    if (value === "") set(null);
    else if (isPartialDate(value)) set(value, { fromBox: true });
    else box.setAttribute("aria-invalid", "true");
  });
  play.addEventListener("click", () => (timer ? stop() : start()));
  allDates.addEventListener("click", () => {
    stop();
    slider.value = String(last);
    set(null);
  });
  allDates.disabled = true;
  return { set, stop };
}
