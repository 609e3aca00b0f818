// Reads `paicha screen --json` output (the contract: {"findings":[{rule, householdId, idNumber, …}],
// "summary"}) into finding keys comparable with the planted problems: a person's finding by its
// valid ID, a household's (and an invalid ID's, which has none) by its 户编号.
interface Printed {
  rule: string;
  householdId: string | null;
  idNumber: string | null;
}

export function screenedKeys(output: string): { keys: Set<string>; findings: number } {
  const parsed = JSON.parse(output) as { findings: Printed[] };
  const keys = new Set(parsed.findings.map((f) => `${f.rule}:${f.idNumber ?? f.householdId}`));
  return { keys, findings: parsed.findings.length };
}
