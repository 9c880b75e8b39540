// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and "in force as of", as in factionmap/timeline.py: a relation
// is in force on a date when it started on or before it and had not ended before it; a missing start or
// end is open on that side; a partial "as of" means "at some day within it". ISO strings compare as dates.

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86400000;

/** Whether a string is a valid partial date. */
export function isPartialDate(value) {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const [, year, month, day] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day && (Number(day) < 1 || Number(day) > lastDay(Number(year), Number(month)))) return false;
  return true;
}

function lastDay(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day a partial date can mean, as YYYY-MM-DD. */
export function lowerBound(value) {
  const [year, month = "01", day = "01"] = value.split("-");
  return `${year}-${month}-${day}`;
}

/** Last day a partial date can mean, as YYYY-MM-DD. */
export function upperBound(value) {
  const [year, month, day] = value.split("-");
  if (day) return value;
  if (!month) return `${year}-12-31`;
  return `${year}-${month}-${String(lastDay(Number(year), Number(month))).padStart(2, "0")}`;
}

/** Whether a relation dated start..end (partial dates or null) holds as of a partial date (null: always). */
export function inForce(start, end, asOf) {
  if (!asOf) return true;
  if (start && lowerBound(start) > upperBound(asOf)) return false;
  return !end || lowerBound(asOf) <= upperBound(end);
}

/** Whether something dated `date` happened on or before `asOf` (undated: only when there is no asOf). */
export function happenedBy(date, asOf) {
  if (!asOf) return true;
  return Boolean(date) && lowerBound(date) <= upperBound(asOf);
}

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** YYYY-MM-DD for a day number. */
export function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
