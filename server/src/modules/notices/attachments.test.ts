import { ATTACHMENT_MAX_BYTES, noticesApi, publicNoticesApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../../test/files.fixtures';
import { AREAS, anonymous } from '../../../test/harness';
import { buildWorld, type Member, type World } from '../../../test/world';

describe('notice attachments: images and PDFs of a draft, read by staff and, once published, by the public', () => {
  let t: World;
  let cadre: Member;
  let sibling: Member;

  const upload = (id: string, body: Buffer, type: string, member = cadre, fileName = 'file') =>
    member.session.request(
      'POST',
      `/api/v1/notices/${id}/attachments?fileName=${encodeURIComponent(fileName)}`,
      body,
      {
        'content-type': type,
      },
    );

  beforeAll(async () => {
    t = await buildWorld();
    cadre = await t.member('village_cadre', AREAS.villageA1);
    sibling = await t.member('village_cadre', AREAS.villageA2);
  });
  afterAll(() => t.close());

  it('keeps a cleaned photo and a PDF with a draft, refuses other files and a published notice', async () => {
    const draft = (
      await cadre.session.call(noticesApi.create, {
        body: { kind: 'finance', title: '财务公开', body: '收支明细见附件', areaCode: AREAS.villageA1 },
      })
    ).data;
    const photo = await upload(draft.id, jpegWithExif(), 'image/jpeg', cadre, '现场照片.jpg');
    expect(photo.statusCode, photo.body).toBe(201);
    const pdf = await upload(
      draft.id,
      Buffer.from('%PDF-1.7\n1 0 obj\n'),
      'application/pdf',
      cadre,
      '明细.pdf',
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    // A file that is not what it says, and one too large.
    expect((await upload(draft.id, Buffer.from('not a pdf at all'), 'application/pdf')).statusCode).toBe(415);
    expect(
      (await upload(draft.id, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 1), 'application/pdf')).statusCode,
    ).toBe(413);
    // Another village's cadre cannot add to it.
    expect((await upload(draft.id, jpegWithExif(), 'image/jpeg', sibling)).statusCode).toBe(404);

    const [photoFile, pdfFile] = (await cadre.session.call(noticesApi.get, { params: { id: draft.id } })).data
      .attachments;
    if (!photoFile || !pdfFile) throw new Error('attachments not kept');
    expect(photoFile).toMatchObject({ fileName: '现场照片.jpg', contentType: 'image/jpeg' });
    const staffRead = await cadre.session.request(
      'GET',
      `/api/v1/notices/${draft.id}/attachments/${photoFile.id}`,
    );
    expect(staffRead.statusCode).toBe(200);
    // The photo's location data is gone.
    expect(staffRead.rawPayload.includes(Buffer.from('GPS'))).toBe(false);

    // The public reads the files only once the notice is published.
    const publicUrl = `/api/v1/public/notices/${draft.id}/attachments/${pdfFile.id}`;
    expect((await anonymous(t.app).request('GET', publicUrl)).statusCode).toBe(404);
    await cadre.session.call(noticesApi.publish, {
      params: { id: draft.id },
      body: { version: draft.version },
    });
    const publicRead = await anonymous(t.app).request('GET', publicUrl);
    expect(publicRead.statusCode).toBe(200);
    expect(publicRead.headers['content-type']).toContain('application/pdf');
    const view = await anonymous(t.app).call(publicNoticesApi.get, { params: { id: draft.id } });
    expect(view.data.attachments.map((a) => a.fileName)).toEqual(['现场照片.jpg', '明细.pdf']);
    // The text and files of a published notice no longer change.
    const late = await upload(draft.id, jpegWithExif(), 'image/jpeg');
    expect(late.json()).toMatchObject({ error: { code: 'NOTICE_STATE_INVALID' } });
  });

  it('edits a draft at the version read, and refuses a stale edit or an edit after publishing', async () => {
    const draft = (
      await cadre.session.call(noticesApi.create, {
        body: { kind: 'resolution', title: '决议公开', body: '村民代表会议决议', areaCode: AREAS.villageA1 },
      })
    ).data;
    expect(draft).toMatchObject({
      status: 'draft',
      periodDays: 7,
      periodUnit: 'calendar_days',
      commentMode: 'named',
    });
    const edited = await cadre.session.call(noticesApi.update, {
      params: { id: draft.id },
      body: { version: draft.version, periodDays: 10, periodUnit: 'working_days', commentMode: 'anonymous' },
    });
    expect(edited.data).toMatchObject({
      periodDays: 10,
      periodUnit: 'working_days',
      commentMode: 'anonymous',
    });
    const stale = await cadre.session.call(noticesApi.update, {
      params: { id: draft.id },
      body: { version: draft.version, title: '过期的修改' },
    });
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT' });
    const published = await cadre.session.call(noticesApi.publish, {
      params: { id: draft.id },
      body: { version: edited.data.version },
    });
    expect(published.statusCode).toBe(200);
    const after = await cadre.session.call(noticesApi.update, {
      params: { id: draft.id },
      body: { version: published.data.version, title: '发布后修改' },
    });
    expect(after.error).toMatchObject({ code: 'NOTICE_STATE_INVALID' });
  });
});
