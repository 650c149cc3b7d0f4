import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  notificationsApi,
  type VerificationPurpose,
  type VerificationSendResponse,
  type VerificationVerifyResponse,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world';
import { deliverDue, webhookDriver } from '../notifications/notifications.service';
import { verifiedPhone } from './index';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let serial = 0;
/** A phone no other test of the file has used. */
const newPhone = () => `137${String(++serial).padStart(8, '0')}`;

/** A resident's calls, from a client address of their own (the limits count per address). */
function resident(t: World, ip = '10.1.0.1') {
  const post = (url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/public/verification-codes${url}`,
      payload,
      remoteAddress: ip,
    });
  return {
    send: (phone: string, purpose: VerificationPurpose = 'notice_comment') => post('', { phone, purpose }),
    verify: (phone: string, code: string, purpose: VerificationPurpose = 'notice_comment') =>
      post('/verify', { phone, purpose, code }),
  };
}

/** The code texted to a phone, read from the outbox as the log driver keeps it (or decrypted under SMS). */
async function textedCode(t: World): Promise<string> {
  const row = await t.database.db
    .selectFrom('notifications')
    .select(['message', 'message_enc'])
    .where('kind', '=', 'verification.code')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const text = row.message_enc ? t.app.ctx.secrets.decrypt(row.message_enc) : row.message;
  const code = /\d{6}/.exec(text)?.[0];
  if (!code) throw new Error(`no code in ${text}`);
  return code;
}

const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const errorOf = (response: { json(): unknown }) =>
  (response.json() as { error: { code: string } }).error.code;

describe('verification codes (log driver, as in tests and demos)', () => {
  let t: World;
  beforeAll(async () => {
    t = await buildWorld();
  });
  afterAll(() => t.close());

  it('texts a code through the outbox, shows it in the console log, and trades it for a proof', async () => {
    const phone = newPhone();
    const sent = await resident(t).send(phone);
    expect(sent.statusCode, sent.body).toBe(202);
    const answer = sent.json() as VerificationSendResponse;
    expect(answer).toEqual({
      expiresAt: new Date(t.clock.now().getTime() + 5 * MINUTE).toISOString(),
      resendAfterSeconds: 60,
    });
    const code = await textedCode(t);
    // The console's notification log (district staff) shows the text with the code, to a masked phone.
    const log = await t.admin.session.call(notificationsApi.list, { query: { limit: 10 } });
    const entry = log.data.items.find((n) => n.kind === 'verification.code');
    expect(entry).toMatchObject({ recipient: `137****${phone.slice(-4)}`, areaCode: '610902000000' });
    expect(entry?.message).toContain(code);
    // The code's own row holds nothing readable: no column carries the code or the phone.
    const rows = await t.database.db.selectFrom('verification_codes').selectAll().execute();
    expect(rows).toHaveLength(1);
    for (const value of Object.values(rows[0] ?? {})) {
      expect(String(value)).not.toContain(code);
      expect(String(value)).not.toContain(phone);
    }

    const verified = await resident(t).verify(phone, code);
    expect(verified.statusCode, verified.body).toBe(200);
    const proof = verified.json() as VerificationVerifyResponse;
    expect(proof.phoneMasked).toBe(`137****${phone.slice(-4)}`);
    expect(proof.expiresAt).toBe(new Date(t.clock.now().getTime() + 30 * MINUTE).toISOString());
    expect(verifiedPhone(t.app.ctx, proof.proof, 'notice_comment')).toBe(phone);
    // A code is good once.
    const again = await resident(t).verify(phone, code);
    expect([again.statusCode, errorOf(again)]).toEqual([400, 'VERIFICATION_CODE_EXPIRED']);
  });

  it('accepts a code until the last millisecond of its five minutes, and not at five minutes', async () => {
    const early = newPhone();
    await resident(t).send(early);
    const earlyCode = await textedCode(t);
    const late = newPhone();
    await resident(t).send(late);
    const lateCode = await textedCode(t);
    t.clock.advance(5 * MINUTE - 1);
    expect((await resident(t).verify(early, earlyCode)).statusCode).toBe(200);
    t.clock.advance(1);
    const expired = await resident(t).verify(late, lateCode);
    expect([expired.statusCode, errorOf(expired)]).toEqual([400, 'VERIFICATION_CODE_EXPIRED']);
  });

  it('kills a code after five wrong tries, even for the right digits after them', async () => {
    const phone = newPhone();
    await resident(t).send(phone);
    const code = await textedCode(t);
    for (let i = 1; i <= 4; i++) {
      const wrong = await resident(t).verify(phone, otherThan(code));
      expect([wrong.statusCode, errorOf(wrong)]).toEqual([400, 'VERIFICATION_CODE_INVALID']);
    }
    const fifth = await resident(t).verify(phone, otherThan(code));
    expect([fifth.statusCode, errorOf(fifth)]).toEqual([429, 'VERIFICATION_TOO_MANY_ATTEMPTS']);
    const right = await resident(t).verify(phone, code);
    expect([right.statusCode, errorOf(right)]).toEqual([429, 'VERIFICATION_TOO_MANY_ATTEMPTS']);
    // A code never sent for a phone is simply wrong.
    const unknown = await resident(t).verify(newPhone(), code);
    expect(errorOf(unknown)).toBe('VERIFICATION_CODE_INVALID');
  });

  it('supersedes the earlier code of a phone and purpose, and keeps other purposes apart', async () => {
    const phone = newPhone();
    await resident(t).send(phone, 'job_seeker');
    const first = await textedCode(t);
    t.clock.advance(61_000);
    await resident(t).send(phone, 'job_seeker');
    const second = await textedCode(t);
    t.clock.advance(61_000);
    await resident(t).send(phone, 'proxy_request');
    const forProxy = await textedCode(t);
    if (first !== second) {
      const old = await resident(t).verify(phone, first, 'job_seeker');
      expect(errorOf(old)).toBe('VERIFICATION_CODE_INVALID');
    }
    expect((await resident(t).verify(phone, second, 'job_seeker')).statusCode).toBe(200);
    expect((await resident(t).verify(phone, forProxy, 'proxy_request')).statusCode).toBe(200);
  });

  it('sends to a phone once a minute, five times an hour and ten times a day, saying when to retry', async () => {
    const phone = newPhone();
    // Each send from another address: only the phone's limits are at work here.
    const sendFrom = (n: number) =>
      resident(t, `10.2.0.${n}`).send(phone, n % 2 ? 'job_seeker' : 'notice_comment');
    expect((await sendFrom(1)).statusCode).toBe(202);
    t.clock.advance(30_000);
    const soon = await sendFrom(2);
    expect([soon.statusCode, errorOf(soon), soon.headers['retry-after']]).toEqual([
      429,
      'VERIFICATION_RATE_LIMITED',
      '30',
    ]);
    expect((soon.json() as { error: { message: string } }).error.message).toContain('30');
    t.clock.advance(30_000);
    for (let n = 3; n <= 6; n++) {
      expect((await sendFrom(n)).statusCode).toBe(202);
      t.clock.advance(60_000);
    }
    // Five sent in the last 4 minutes: the hour is full until the first of them is an hour old.
    const hourly = await sendFrom(7);
    expect([hourly.statusCode, hourly.headers['retry-after']]).toEqual([429, String(60 * 60 - 5 * 60)]);
    t.clock.advance(HOUR);
    for (let n = 8; n <= 12; n++) {
      expect((await sendFrom(n)).statusCode).toBe(202);
      t.clock.advance(60_000);
    }
    t.clock.advance(HOUR);
    // Ten in the day: the first frees a place 24 hours after it was sent.
    const daily = await sendFrom(13);
    const sinceFirst = 60_000 * 5 + HOUR + 60_000 * 5 + HOUR;
    expect([daily.statusCode, daily.headers['retry-after']]).toEqual([
      429,
      String((24 * HOUR - sinceFirst) / 1000),
    ]);
  });

  it('sends at most twenty codes an hour from one address, whatever the phones', async () => {
    const office = resident(t, '10.3.0.1');
    for (let i = 0; i < 20; i++) expect((await office.send(newPhone())).statusCode).toBe(202);
    const refused = await office.send(newPhone());
    expect([refused.statusCode, errorOf(refused), refused.headers['retry-after']]).toEqual([
      429,
      'VERIFICATION_RATE_LIMITED',
      '3600',
    ]);
    expect((await resident(t, '10.3.0.2').send(newPhone())).statusCode).toBe(202);
    t.clock.advance(HOUR);
    expect((await office.send(newPhone())).statusCode).toBe(202);
  });

  it('accepts a proof for its purpose as often as needed until it expires, and nothing forged', async () => {
    const phone = newPhone();
    await resident(t).send(phone, 'proxy_request');
    const code = await textedCode(t);
    const { proof } = (
      await resident(t).verify(phone, code, 'proxy_request')
    ).json() as VerificationVerifyResponse;
    const ctx = t.app.ctx;
    const refusal = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (err) {
        return (err as { code?: string }).code;
      }
    };
    expect(verifiedPhone(ctx, proof, 'proxy_request')).toBe(phone);
    expect(verifiedPhone(ctx, proof, 'proxy_request')).toBe(phone);
    expect(refusal(() => verifiedPhone(ctx, proof, 'notice_comment'))).toBe('PHONE_PROOF_INVALID');
    // Another phone or purpose written into the payload, or the signature altered.
    const [payload = '', signature = ''] = proof.split('.');
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace(phone, newPhone()),
    ).toString('base64url');
    expect(refusal(() => verifiedPhone(ctx, `${forged}.${signature}`, 'proxy_request'))).toBe(
      'PHONE_PROOF_INVALID',
    );
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    expect(refusal(() => verifiedPhone(ctx, `${payload}.${flipped}`, 'proxy_request'))).toBe(
      'PHONE_PROOF_INVALID',
    );
    expect(refusal(() => verifiedPhone(ctx, 'not-a-proof', 'proxy_request'))).toBe('PHONE_PROOF_INVALID');
    t.clock.advance(30 * MINUTE - 1);
    expect(verifiedPhone(ctx, proof, 'proxy_request')).toBe(phone);
    t.clock.advance(1);
    expect(refusal(() => verifiedPhone(ctx, proof, 'proxy_request'))).toBe('PHONE_PROOF_INVALID');
  });
});

describe('verification codes under the SMS webhook driver (production)', () => {
  let t: World;
  const received: { phone: string; message: string }[] = [];
  const gateway = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push(JSON.parse(body) as { phone: string; message: string });
      response.end('ok');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    // Development too: with a real gateway the page never shows the code.
    t = await buildWorld({ notify: { driver: 'webhook', webhookUrl: url }, development: true });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('keeps the text encrypted, masks it in the console, and texts the real code', async () => {
    const phone = newPhone();
    const sent = await resident(t).send(phone, 'appeal_tracking');
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).not.toHaveProperty('devCode');
    const code = await textedCode(t);
    const [row] = await t.database.db.selectFrom('notifications').selectAll().execute();
    expect(row?.message_enc).toMatch(/^v1:/);
    for (const value of Object.values(row ?? {})) expect(String(value)).not.toContain(code);
    const log = await t.admin.session.call(notificationsApi.list, { query: { limit: 10 } });
    expect(log.data.items[0]?.message).toContain('******');
    const [stored] = await t.database.db.selectFrom('verification_codes').selectAll().execute();
    for (const value of Object.values(stored ?? {})) expect(String(value)).not.toContain(code);

    await deliverDue(t.database.db, t.clock, webhookDriver(url, t.app.ctx.secrets));
    expect(received).toEqual([expect.objectContaining({ phone, message: expect.stringContaining(code) })]);
    expect((await resident(t).verify(phone, code, 'appeal_tracking')).statusCode).toBe(200);
  });
});

describe('the code on the page in development', () => {
  let t: World;
  beforeAll(async () => {
    t = await buildWorld({ development: true });
  });
  afterAll(() => t.close());

  it('answers the code with the log driver in development only', async () => {
    const phone = newPhone();
    const sent = (await resident(t).send(phone)).json() as VerificationSendResponse;
    expect(sent.devCode).toBe(await textedCode(t));
    expect((await resident(t).verify(phone, sent.devCode ?? '')).statusCode).toBe(200);
  });
});
