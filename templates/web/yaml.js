// Writes form data as YAML a person can read and `shenbao validate` reads back: every text
// double-quoted (so 913101… and 020… stay text), dates plain (so they stay dates).

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function scalar(value) {
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (value === null || value === undefined) return "null";
  const text = String(value);
  return DATE.test(text) ? text : JSON.stringify(text);
}

const isScalar = (v) => v === null || typeof v !== "object";
const key = (k) => (PLAIN_KEY.test(k) ? k : JSON.stringify(k));

function mapLines(object, indent) {
  const lines = [];
  for (const [k, v] of Object.entries(object)) {
    if (v === undefined) continue;
    if (isScalar(v)) lines.push(`${indent}${key(k)}: ${scalar(v)}`);
    else if (Array.isArray(v) && v.length === 0) lines.push(`${indent}${key(k)}: []`);
    else if (!Array.isArray(v) && Object.keys(v).length === 0) lines.push(`${indent}${key(k)}: {}`);
    else lines.push(`${indent}${key(k)}:`, ...lines_(v, indent + "  "));
  }
  return lines;
}

function listLines(list, indent) {
  const lines = [];
  for (const item of list) {
    if (isScalar(item)) { lines.push(`${indent}- ${scalar(item)}`); continue; }
    const inner = lines_(item, indent + "  ");
    if (inner.length === 0) { lines.push(`${indent}- ${Array.isArray(item) ? "[]" : "{}"}`); continue; }
    inner[0] = `${indent}- ${inner[0].slice(indent.length + 2)}`;
    lines.push(...inner);
  }
  return lines;
}

function lines_(value, indent) {
  return Array.isArray(value) ? listLines(value, indent) : mapLines(value, indent);
}

/** The YAML text of `data` (a map), with a first comment line. */
export function toYAML(data, comment) {
  return [`# ${comment}`, ...mapLines(data, "")].join("\n") + "\n";
}
