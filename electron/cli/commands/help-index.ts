/**
 * What `carefile --help` lists: each top-level verb as the help shows it (its usage term and
 * description), so the top-level help loads none of the verb families (each family pulls in the
 * store, the record or the safeguards; loading them all for the help text cost ~0.6 s of CPU).
 * The verbs' own --help still loads their family. tests/integration/cli-authority.test.ts checks
 * that this help is word for word the one the loaded families make: when a top-level verb or its
 * description changes, change it here too (the test prints the difference).
 */
export const topLevelHelp: ReadonlyArray<{ readonly verb: string; readonly term: string; readonly description: string }> = [
  { verb: 'init', term: 'init [options]', description: 'Create a new encrypted store and its first administrator; prints the recovery key once. [store.init]' },
  { verb: 'user', term: 'user', description: 'Manage the people who may open the store: add, list, passwd, remove, import-p12.' },
  { verb: 'key', term: 'key', description: 'The data key, for records officers.' },
  { verb: 'backup', term: 'backup [options]', description: 'Write an online, encrypted backup of the whole store to one file (same key; proven before it is kept). [store.backup]' },
  { verb: 'restore', term: 'restore [options] <file>', description: 'Replace the store with a backup (administrators or the recovery key). Checks the key and integrity_check first; warns when the backup is older than the store. [store.restore]' },
  { verb: 'audit-log', term: 'audit-log', description: 'The hash-chained audit log.' },
  { verb: 'doctor', term: 'doctor [options]', description: 'Check a store: files, key slots, lock, backoff; with credentials (--user and a passphrase, or the recovery key) also integrity_check and the audit chain. [store.doctor]' },
  { verb: 'check', term: 'check [options] <target>', description: 'Check an assessment (bundle file, or id in the store) against the safeguards; exit 1 on any blocking finding, 2 on an invalid bundle' },
  { verb: 'lint-text', term: 'lint-text [options] [file]', description: 'Check plain text for victim-blaming, doubt-laden and burden-shifting wording (seven families); exit 1 when anything is flagged' },
  { verb: 'export', term: 'export [options] <id>', description: 'Export one assessment as a bundle signed with your own key; refused while a blocking safeguard finding stands. [assessments.exportBundle]' },
  { verb: 'import', term: 'import [options] <files...>', description: 'Import signed assessment bundles (files, or folders of *.json). Each is checked whole (signature, signer, content) and written whole or not at all; one refused bundle does not stop the others. Exit 2 when any was refused. [bundles.import]' },
  { verb: 'bundle', term: 'bundle', description: 'Signed bundles: trusted signers and the versions an import kept' },
  { verb: 'assessment', term: 'assessment', description: 'Assessments in the store: list, show, link, advance, depart, review, addendum, sign-addendum.' },
  { verb: 'verify', term: 'verify [options] <file>', description: 'Verify a signed PDF record: every signature, what changed after each, and record.json against the page footers. Exit 1 if anything is invalid. [record.verify]' },
  { verb: 'pdf', term: 'pdf [options] [id]', description: 'Make the signed PDF record of an assessment (signing as --user), or add the next signature with --countersign. [record.sign, record.countersign]' },
  { verb: 'record', term: 'record', description: 'The signed record kept with an assessment in the store: get it, preview it unsigned, sign it, countersign it.' },
  { verb: 'outcomes', term: 'outcomes [options]', description: 'Every assessment in the store with its outcome, days to decision, safeguards unmet or departed from, manager review and new information after the decision: CSV (or --json) for audit and learning (AA-43). Managers and administrators. [quality.outcomes]' },
  { verb: 'audit', term: 'audit [options]', description: 'The quality figures for decisions in a period, by some or all assessors: outcomes, days to decision, each safeguard met, departed from or missing, minded-to, interpreters and appropriate adults, wording, trafficking, reassessments, and the disparity view by nationality and first language (Wilson 95% intervals, groups under 5 suppressed). Text, or --json. Managers and administrators. [quality.figures]' },
  { verb: 'call', term: 'call [options] [channel]', description: 'Call any channel of the handler map with a JSON input and print the JSON answer (`carefile call --list` names them).' },
];
