// What every page shares: calling the API, reading its errors, and saving a download.

/** Calls the API; resolves with the Response when it is ok, else throws an Error whose
 *  `document` is the JSON error document (`{"error": {id, message}, …}`). */
export async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  if (response.ok) return response;
  let document = null;
  try { document = await response.json(); } catch { /* not JSON: keep the status alone */ }
  const error = new Error(document?.error?.message ?? `请求失败（${response.status}）`);
  error.status = response.status;
  error.document = document;
  throw error;
}

/** Parses a JSON answer of the API; integers past 2^53 (a credit code written unquoted in a
 *  data file) keep their digits, as text, instead of being rounded. */
export function parseJSON(text) {
  return JSON.parse(text, (key, value, context) =>
    (typeof value === "number" && !Number.isSafeInteger(value) && context?.source) ? context.source : value);
}

/** The file name a download's Content-Disposition gives, preferring the UTF-8 `filename*`. */
export function downloadName(response, fallback) {
  const header = response.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Saves `blob` as a file named `name` through a temporary link. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Shows `text` in the page's status line (an aria-live region), as an error or not. */
export function status(text, isError = false) {
  const line = document.getElementById("status");
  if (!line) return;
  line.textContent = text;
  line.classList.toggle("error", isError);
}
