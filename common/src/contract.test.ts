import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineContract, pathOf, queryString } from './contract';

describe('contract addresses', () => {
  const contract = defineContract({
    method: 'GET',
    path: '/appeals/:id/attachments/:attachmentId',
    tag: 'appeals',
    params: z.object({ id: z.string(), attachmentId: z.string() }),
  });

  it('fills every path parameter, encoded, and refuses a missing one', () => {
    expect(pathOf(contract, { id: 'a b', attachmentId: '甲/1' })).toBe(
      '/appeals/a%20b/attachments/%E7%94%B2%2F1',
    );
    expect(() => pathOf(contract, { id: 'a' })).toThrow(/attachmentId/);
  });

  it('leaves empty values out of the query and repeats an array’s key', () => {
    expect(
      queryString({ q: '王', page: 2, tag: ['dibao', 'wubao'], areaCode: '', status: null, x: undefined }),
    ).toBe('?q=%E7%8E%8B&page=2&tag=dibao&tag=wubao');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });

  it('answers 204 when there is nothing to answer, 200 for JSON or a file', () => {
    expect(contract.status).toBe(204);
    expect(defineContract({ method: 'GET', path: '/x', tag: 'x', responseKind: 'file' }).status).toBe(200);
    expect(
      defineContract({ method: 'POST', path: '/x', tag: 'x', response: z.object({}), status: 201 }).status,
    ).toBe(201);
  });
});
