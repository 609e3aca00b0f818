import { describe, expect, it } from 'vitest';
import { PAGE_SIZES, parseTable, patchTable, type TableSpec } from './tableQuery';

const SPEC: TableSpec<'unit' | 'status' | 'q', 'id' | 'deadline'> = {
  filters: ['unit', 'status', 'q'],
  sorts: ['id', 'deadline'],
  sort: 'id',
  order: 'desc',
};

const parse = (query: string) => parseTable(SPEC, new URLSearchParams(query));

describe('parseTable', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual({ filters: {}, sort: 'id', order: 'desc', page: 1, pageSize: 20 });
  });

  it('reads filters, sort, order, page and page size', () => {
    expect(
      parse('unit=3&status=open,returned&q=%E8%B7%AF&sort=deadline&order=asc&page=4&pageSize=50'),
    ).toEqual({
      filters: { unit: '3', status: 'open,returned', q: '路' },
      sort: 'deadline',
      order: 'asc',
      page: 4,
      pageSize: 50,
    });
  });

  it('leaves out empty filters and parameters that are not filters', () => {
    expect(parse('unit=&view=byUnit&other=1').filters).toEqual({});
  });

  it('falls back to the defaults for values it does not know', () => {
    expect(parse('sort=password&order=sideways&page=-2&pageSize=7')).toMatchObject({
      sort: 'id',
      order: 'desc',
      page: 1,
      pageSize: 20,
    });
    expect(parse('page=1.5&pageSize=abc')).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('takes the other order only when named, whichever the default is', () => {
    const asc = { ...SPEC, order: 'asc' as const };
    expect(parseTable(asc, new URLSearchParams('order=desc')).order).toBe('desc');
    expect(parseTable(asc, new URLSearchParams('order=asc')).order).toBe('asc');
    expect(parseTable(asc, new URLSearchParams('')).order).toBe('asc');
  });

  it('accepts every offered page size', () => {
    for (const size of PAGE_SIZES) expect(parse(`pageSize=${size}`).pageSize).toBe(size);
  });
});

describe('patchTable', () => {
  const prev = new URLSearchParams('view=problems&unit=3&q=x&page=5');

  it('sets and removes parameters and goes back to page 1 on any change but the page', () => {
    const next = patchTable(prev, { status: 'open', q: '', unit: undefined });
    expect(next.toString()).toBe('view=problems&status=open');
  });

  it('keeps the page when the page is what changes', () => {
    expect(patchTable(prev, { page: 6 }).get('page')).toBe('6');
    expect(patchTable(prev, { page: '' }).has('page')).toBe(false);
  });

  it('drops the named parameters before applying the patch', () => {
    const next = patchTable(prev, { status: 'closed' }, SPEC.filters);
    expect(next.toString()).toBe('view=problems&status=closed');
  });

  it('leaves the previous parameters untouched', () => {
    patchTable(prev, { unit: 9 }, SPEC.filters);
    expect(prev.toString()).toBe('view=problems&unit=3&q=x&page=5');
  });
});
