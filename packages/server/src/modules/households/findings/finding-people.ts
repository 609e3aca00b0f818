// How a finding's text names people. The text also becomes the ledger problem's description,
// which every reader of the ledger sees and exports, so it names people masked; the finding keeps
// them in full in data.people, and the admin's unmasked view puts them back (unmaskDetail).
import { maskIdNumber, maskName } from '@paicha/core';
import type { Named } from './types.js';

/** A cell as text: null and undefined read as empty. */
export const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** A person as a finding's text names them: 张*（3207**********1234）. */
export const maskedPerson = (name: unknown, id: unknown) =>
  `${maskName(cellText(name))}（${maskIdNumber(cellText(id))}）`;

export const namedPerson = (name: unknown, id: unknown): Named => [cellText(name), cellText(id)];

/** The finding's text with the people it names in full. */
export function unmaskDetail(detail: string, people: readonly Named[] | undefined): string {
  let out = detail;
  for (const [name, id] of people ?? []) out = out.split(maskedPerson(name, id)).join(`${name}（${id}）`);
  return out;
}
