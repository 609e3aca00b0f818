// The 排查项目 column of the 月报表: which rows share one merged cell, and what it says.

/**
 * The 排查项目 merge groups as the plan prints them: a non-empty cell starts a merged cell, ''
 * continues the one above. Keyed by 序号, each with the label its merged cell shows.
 */
export function mergeGroups(
  items: readonly { seq: number; subCategory: string; subCategoryCell: string }[],
): Map<number, { key: number; label: string }> {
  const out = new Map<number, { key: number; label: string }>();
  let current: { key: number; label: string } | null = null;
  for (const item of [...items].sort((a, b) => a.seq - b.seq)) {
    if (item.subCategoryCell !== '' || current === null)
      current = { key: item.seq, label: item.subCategoryCell || item.subCategory };
    out.set(item.seq, current);
  }
  return out;
}
