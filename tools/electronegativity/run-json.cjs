// Runs electronegativity's own runner as a library and prints its findings as JSON on stdout,
// because its CSV writer does not escape quotes or newlines in code samples.
// usage: node run-json.cjs INPUT_DIR ELECTRON_VERSION
const run = require('@doyensec/electronegativity/dist/runner.js');

const [input, electronVersion] = process.argv.slice(2);
const quiet = console.log;
console.log = () => {};
run(
  {
    input,
    // Fetches Electron release notes from the network, which these machines cannot reach.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
    isRelative: true,
    isVerbose: false,
  },
  false,
)
  .then((result) => {
    const issues = result.issues.map((i) => ({
      check: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file,
      location: `${i.location.line}:${i.location.column}`,
      description: i.description,
      manualReview: Boolean(i.manualReview),
    }));
    process.stdout.write(JSON.stringify({ errors: result.errors.length, issues }));
  })
  .catch((err) => {
    console.log = quiet;
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
