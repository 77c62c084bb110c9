/**
 * Where the files Carefile ships beside its code are: one answer, whichever way the code runs.
 *
 *   how it runs                               this module's code sits in          app root
 *   from source (tsx, Vitest, the CLI)        electron/resources.ts               ..
 *   bundled main process (build:electron)     dist-electron/main.js (inlined)     ..
 *   packaged app (electron-builder, asar)     app.asar/dist-electron/main.js      app.asar
 *
 * electron/ and dist-electron/ both sit directly in the app root, so one folder up is the root in
 * all three. In the packaged app the root is the asar archive, which Electron's fs reads in place;
 * electron-builder.yml's `files` packs resources/ and dist/ there (tests/integration/resources-packaged.test.ts
 * checks every name below against it, from a freshly built bundle).
 *
 * Nothing else resolves a shipped file against its own import.meta.url: once esbuild inlines a
 * module into dist-electron/main.js, "next to this module" is dist-electron/, not its source folder
 * (which is how the common-passphrase list went missing from the bundled app).
 */
import path from 'node:path';

/** The folder holding package.json, resources/ and dist/ (the asar archive when packaged). */
export const APP_ROOT = path.resolve(import.meta.dirname, '..');

/** Every shipped file or folder the code asks for, relative to the app root. */
export const RESOURCES = {
  /** The Noto TTFs embedded in the PDF record. */
  fonts: 'resources/fonts',
  /** Passphrases refused as too common (store/passphrase-policy.ts). */
  commonPassphrases: 'resources/common-passphrases.txt',
  /** The sRGB ICC profile of the record's PDF/A output intent (Debian icc-profiles-free, zlib licence). */
  srgbProfile: 'resources/color/sRGB.icc',
  /** The JSON Schema of an assessment bundle (written by scripts/gen-schema.ts, shipped for other tools). */
  bundleSchema: 'resources/schema/assessment-bundle.v1.schema.json',
  /** The built renderer (made by `npm run build:renderer`, so absent from a fresh clone until then). */
  renderer: 'dist/renderer',
} as const;

export type ResourceName = keyof typeof RESOURCES;

/** Names whose files are build outputs rather than files kept in the repository. */
export const BUILT_RESOURCES: ReadonlySet<ResourceName> = new Set<ResourceName>(['renderer']);

/** The absolute path of a shipped resource. */
export function resourcePath(name: ResourceName): string {
  return path.join(APP_ROOT, RESOURCES[name]);
}
