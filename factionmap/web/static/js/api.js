// Calls to the JSON API. Errors come back as {ok: false, error, status}; they are thrown as ApiError.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** GET /api/<path> with query parameters (null/empty values left out), as parsed JSON. */
export async function getJSON(path, params = {}) {
  const url = new URL(`/api/${path}`, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new ApiError(body.error ?? response.statusText, response.status);
  return body;
}
