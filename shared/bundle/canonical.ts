/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, `undefined` members
 * dropped (as JSON.stringify does), arrays kept in order. The same value always gives the same
 * string, so it can be hashed (the PDF embeds the record and its SHA-256 over this form).
 * Close to RFC 8785 (JCS) for the values Carefile stores: strings, integers, booleans, null.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(v: unknown, seen: Set<object>): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${v} is not representable in JSON`);
      return JSON.stringify(v);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof v} is not representable in JSON`);
  }
  const obj = v as object;
  if (seen.has(obj)) throw new TypeError('canonicalJson: circular structure');
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((x) => (x === undefined ? 'null' : write(x, seen))).join(',')}]`;
  } else {
    const rec = (typeof (obj as { toJSON?: unknown }).toJSON === 'function' ? (obj as { toJSON(): unknown }).toJSON() : obj) as Record<string, unknown>;
    if (rec !== obj) {
      seen.delete(obj);
      return write(rec, seen);
    }
    const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${write(rec[k], seen)}`).join(',')}}`;
  }
  seen.delete(obj);
  return out;
}

/** Pretty form with the same key order (for files people read: exported bundles). */
export function stableJson(value: unknown, indent = 2): string {
  return JSON.stringify(JSON.parse(canonicalJson(value)), null, indent);
}
