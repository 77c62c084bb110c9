/**
 * Schema v7: evidence_attachment indexed by its evidence item.
 *
 * Every save reads an assessment's attachment links (`WHERE assessment_id = ?`) and may delete
 * them, and removing an evidence item makes SQLite look for its links (the foreign key's child
 * columns). Without an index each of these read the whole table, every link of every assessment
 * in the store, decrypting its pages: at 3,000 assessments with one attachment per evidence item
 * (60,000 links) a save took 10.2 ms against 2.8 ms with this index (issue 13; SQLite's foreign
 * key documentation asks for an index on the child columns for this reason).
 */
export const SCHEMA_V7 = `
CREATE INDEX evidence_attachment_item ON evidence_attachment (assessment_id, evidence_id);
`;
