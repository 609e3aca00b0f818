// Reads `paicha screen --json` output (the contract: {"findings":[{rule, householdId, idNumber, …}],
// "summary"}) into finding keys comparable with the planted problems: a person's finding by its
// valid ID, a household's (and an invalid ID's, which has none) by its 户编号.
interface Printed {
  rule: string;
  householdId: string | null;
  idNumber: string | null;
}

interface Summary {
  stepsMs?: { prepare: number; rules: number; record: number };
  rules: { id: string; ms?: number; findings: number }[];
}

export function screenedKeys(output: string): { keys: Set<string>; findings: number; steps: string } {
  const parsed = JSON.parse(output) as { findings: Printed[]; summary: Summary };
  const keys = new Set(parsed.findings.map((f) => `${f.rule}:${f.idNumber ?? f.householdId}`));
  return { keys, findings: parsed.findings.length, steps: stepsLine(parsed.summary) };
}

/** The run's own split (its summary's stepsMs and each rule's ms), slowest rules first. */
function stepsLine(summary: Summary): string {
  const st = summary.stepsMs;
  if (!st) return '';
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const rules = summary.rules
    .filter((r) => r.ms !== undefined)
    .sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))
    .map((r) => `${r.id} ${s(r.ms ?? 0)}`)
    .join(', ');
  return `run's own split: prepare ${s(st.prepare)} s, rules ${s(st.rules)} s (${rules}), record ${s(st.record)} s`;
}
