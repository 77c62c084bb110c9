/**
 * What a bundle's signature covers: the canonical JSON (shared/bundle/canonical.ts) of the
 * document as written, less its `signature` member, taken from the parsed JSON before any
 * default or legacy upgrade is applied. So the signature is over content, not layout: indenting
 * the file again does not break it, while any change to a value, a key or an array does.
 */
import { canonicalJson } from './canonical';

export type SignedSplit =
  | { ok: true; content: string; signature?: { cms: string }; json: Record<string, unknown> }
  | { ok: false; message: string };

/** Splits a bundle (text or parsed JSON) into the canonical text its signature covers and the signature. Never throws. */
export function splitSignature(input: unknown): SignedSplit {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (err) {
      return { ok: false, message: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, message: 'A bundle is a JSON object.' };
  const { signature, ...rest } = json as Record<string, unknown>;
  let content: string;
  try {
    content = canonicalJson(rest);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  if (signature === undefined) return { ok: true, content, json: rest };
  const cms = (signature as { cms?: unknown } | null)?.cms;
  if (typeof cms !== 'string' || !cms) return { ok: false, message: 'signature: expected { "cms": base64 }' };
  return { ok: true, content, signature: { cms }, json: rest };
}
