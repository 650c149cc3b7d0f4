import { appealAttachmentsApi, appealsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../../../test/files.fixtures';
import type { Session } from '../../../../test/harness';
import type { World } from '../../../../test/world';
import { appealsWorld, create } from '../appeals.fixtures';

describe('appeal attachments', () => {
  let t: World;
  let cadre: Session;
  let siblingCadre: Session;
  let admin: Session;

  const get = async (id: string, session = admin) =>
    (await session.call(appealsApi.get, { params: { id } })).data;

  beforeAll(async () => {
    ({ t, cadre, siblingCadre, admin } = await appealsWorld());
  });
  afterAll(() => t.close());

  it('keeps photos and documents without their location data, within the caller’s area', async () => {
    const appeal = await create(cadre, { title: '危房照片' });
    // The raw file as the body, with its own content type (also the wrong ones).
    const upload = (session: Session, body: Buffer, type: string, id = appeal.id) =>
      session.request(
        'POST',
        `/api/v1/appeals/${id}/attachments?fileName=${encodeURIComponent('房屋.jpg')}`,
        body,
        {
          'content-type': type,
        },
      );
    const added = await upload(cadre, jpegWithExif(), 'image/jpeg');
    expect(added.statusCode, added.body).toBe(201);
    const { id } = appealAttachmentsApi.create.response.parse(added.json());
    const file = await cadre.call(appealAttachmentsApi.get, { params: { id: appeal.id, attachmentId: id } });
    expect(file.response.headers['content-type']).toBe('image/jpeg');
    expect(file.response.rawPayload.toString('latin1')).not.toContain('GPS');
    expect((await get(appeal.id, cadre)).attachments).toMatchObject([
      { fileName: '房屋.jpg', contentType: 'image/jpeg' },
    ]);
    expect(
      (await siblingCadre.call(appealAttachmentsApi.get, { params: { id: appeal.id, attachmentId: id } }))
        .statusCode,
    ).toBe(404);
    expect((await upload(siblingCadre, jpegWithExif(), 'image/jpeg')).statusCode).toBe(404);
    expect((await upload(cadre, Buffer.from('<script>'), 'image/png')).json()).toMatchObject({
      error: { code: 'ATTACHMENT_TYPE_INVALID' },
    });
    expect((await upload(cadre, Buffer.from('MZ'), 'application/x-msdownload')).statusCode).toBe(415);
    expect((await upload(cadre, Buffer.alloc(6 * 1024 * 1024, 1), 'image/jpeg')).statusCode).toBe(413);
  });
});
