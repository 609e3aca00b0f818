// The previewed items as the office corrected them: 类别 set or cleared, 排查项目 and 排查内容
// retyped. Corrections are kept apart from the preview (by the row in the file), so the preview
// stays what the file said and a correction can be undone by typing the original back.
import type { PlanPreviewItem } from '@paicha/core/api/campaign-import';
import type { ItemEdit, PlanDraft } from './planTypes';

/** The items with the office's corrections applied. */
export function draftItems(d: Pick<PlanDraft, 'preview' | 'edits'>): PlanPreviewItem[] {
  const edits = d.edits ?? {};
  return (d.preview?.items ?? []).map((it) => {
    const e = edits[it.row];
    if (!e) return it;
    const sub = e.subCategory ?? it.subCategory;
    return {
      ...it,
      category: e.category === undefined ? it.category : e.category,
      subCategory: sub,
      // A merged cell prints only on its first row; a correction keeps it so.
      subCategoryCell: it.subCategoryCell ? sub : '',
      content: e.content ?? it.content,
    };
  });
}

/**
 * The draft with one correction: a 排查项目 renamed on the cell the plan merges renames every row
 * of the run (`rows`), as the clerk sees one cell; other fields concern the one item.
 */
export function editItems(d: PlanDraft, rows: readonly number[], edit: ItemEdit): PlanDraft {
  const edits = { ...(d.edits ?? {}) };
  for (const row of rows) edits[row] = { ...edits[row], ...edit };
  return { ...d, edits };
}

/** The 类别 the clerk may choose: the plan's own groups first, then the rest of the four. */
export function categoryChoices<T extends string>(
  items: readonly { category: T | null }[],
  all: readonly T[],
): T[] {
  const used = all.filter((c) => items.some((it) => it.category === c));
  return [...used, ...all.filter((c) => !used.includes(c))];
}
