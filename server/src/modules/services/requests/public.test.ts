import { appealsApi, proxyRequestsApi, publicProxyRequestsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, buildUnit } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { signProof } from '../../../platform/verification/proof';
import { serviceItem, serviceStation } from './requests.fixtures';

describe('代办 on the public page: a phone proof, the tracking, to appeal', () => {
  let world: World;
  let item: string;
  let townCentre: string;
  let cadre: Member;
  const proof = (phone: string, purpose: 'proxy_request' | 'notice_comment' = 'proxy_request') =>
    signProof(world.app.ctx.secrets, {
      phone,
      purpose,
      expiresAt: new Date(world.clock.now().getTime() + 30 * 60_000),
    });
  const resident = () => anonymous(world.app);
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  beforeAll(async () => {
    world = await buildWorld();
    // Village A2 has no station of its own: its town's centre takes its requests.
    townCentre = await serviceStation(world, AREAS.townA, '甲镇便民服务中心');
    const unit = await buildUnit(world.database, {
      kind: 'department',
      areaCode: AREAS.district,
      name: '区人社局',
    });
    item = await serviceItem(world, {
      unitId: unit,
      areaCode: AREAS.district,
      name: '城乡居民养老保险待遇领取',
      materials: [{ name: '居民身份证', form: 'original', count: 1 }],
    });
    cadre = await world.member('village_cadre', AREAS.villageA2);
  });
  afterAll(() => world.close());

  it('takes a request with a proof of the phone, at the town centre when the village has no station', async () => {
    const made = await resident().call(
      publicProxyRequestsApi.create,
      {
        body: {
          itemId: item,
          villageCode: AREAS.villageA2,
          name: '刘秀英',
          proof: proof('13912340001'),
          description: '',
        },
      },
      from('10.1.0.1'),
    );
    expect(made.statusCode, made.response.body).toBe(201);
    expect(made.data).toMatchObject({ stationName: '甲镇便民服务中心' });
    const list = (await cadre.session.call(proxyRequestsApi.list, { query: {} })).data.items;
    expect(list.find((r) => r.trackingCode === made.data.trackingCode)).toMatchObject({
      channel: 'public',
      stationId: townCentre,
      phoneMasked: '139****0001',
      applicantName: '刘秀英',
    });

    const forged = await resident().call(
      publicProxyRequestsApi.create,
      {
        body: {
          itemId: item,
          villageCode: AREAS.villageA2,
          name: '刘秀英',
          proof: `${proof('13912340001')}x`,
          description: '',
        },
      },
      from('10.1.0.1'),
    );
    expect(forged.error.code).toBe('PHONE_PROOF_INVALID');
    const otherPurpose = await resident().call(
      publicProxyRequestsApi.create,
      {
        body: {
          itemId: item,
          villageCode: AREAS.villageA2,
          name: '刘秀英',
          proof: proof('13912340001', 'notice_comment'),
          description: '',
        },
      },
      from('10.1.0.1'),
    );
    expect(otherPurpose.error.code).toBe('PHONE_PROOF_INVALID');
  });

  it('limits submissions per phone like the public appeals', async () => {
    const phone = '13912340002';
    const limit = world.config.publicLimits.perPhonePerDay;
    let last = 0;
    for (let i = 0; i <= limit; i++) {
      const answer = await resident().call(
        publicProxyRequestsApi.create,
        {
          body: {
            itemId: item,
            villageCode: AREAS.villageA2,
            name: '赵六',
            proof: proof(phone),
            description: '',
          },
        },
        from(`10.2.0.${i + 1}`),
      );
      last = answer.statusCode;
    }
    expect(last).toBe(429);
  });

  it('shows the steps only for the right code and phone, never a name or a phone', async () => {
    const made = (
      await resident().call(
        publicProxyRequestsApi.create,
        {
          body: {
            itemId: item,
            villageCode: AREAS.villageA2,
            name: '孙桂芳',
            proof: proof('13912345678'),
            description: '',
          },
        },
        from('10.3.0.1'),
      )
    ).data;
    const track = (trackingCode: string, phoneLast4: string, ip = '10.3.0.2') =>
      resident().call(publicProxyRequestsApi.track, { body: { trackingCode, phoneLast4 } }, from(ip));
    const seen = await track(made.trackingCode, '5678');
    expect(seen.statusCode).toBe(200);
    expect(seen.data).toMatchObject({
      status: 'submitted',
      itemName: '城乡居民养老保险待遇领取',
      stationName: '甲镇便民服务中心',
    });
    expect(seen.data.steps.map((s) => s.kind)).toEqual(['created']);
    expect(seen.response.body).not.toContain('孙桂芳');
    expect(seen.response.body).not.toContain('139');
    const wrongPhone = await track(made.trackingCode, '0000');
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongPhone.error.code).toBe('PROXY_TRACKING_FAILED');
    const wrongCode = await track('DAAAAAAAAA', '5678');
    expect(wrongCode.error.code).toBe('PROXY_TRACKING_FAILED');
    expect(wrongCode.response.body).toBe(wrongPhone.response.body);
    // Failures from one address are throttled.
    let status = 0;
    for (let i = 0; i < world.config.publicLimits.trackFailuresPerIp + 1; i++) {
      status = (await track(made.trackingCode, '1111', '10.3.0.9')).statusCode;
    }
    expect(status).toBe(429);
    expect((await track(made.trackingCode, '5678', '10.3.0.9')).statusCode).toBe(429);
  });

  it('becomes an appeal in one step, linked, once', async () => {
    const made = (
      await resident().call(
        publicProxyRequestsApi.create,
        {
          body: {
            itemId: item,
            villageCode: AREAS.villageA2,
            name: '周建军',
            proof: proof('13912349999'),
            description: '',
          },
        },
        from('10.4.0.1'),
      )
    ).data;
    const request = (await cadre.session.call(proxyRequestsApi.list, { query: { q: made.trackingCode } }))
      .data.items[0];
    expect(request).toBeDefined();
    const body = {
      version: request?.version ?? 1,
      title: '养老金停发',
      description: '办理中发现老人养老金已停发三个月，需核查',
      categoryCode: 'social_security',
    };
    const categories = await world.database.db.selectFrom('appeal_categories').select('code').execute();
    body.categoryCode = categories[0]?.code ?? body.categoryCode;
    const appealed = await cadre.session.call(proxyRequestsApi.appeal, {
      params: { id: request?.id ?? '' },
      body,
    });
    expect(appealed.statusCode, appealed.response.body).toBe(201);
    const appeal = (await cadre.session.call(appealsApi.get, { params: { id: appealed.data.appealId } }))
      .data;
    expect(appeal).toMatchObject({ title: '养老金停发' });
    const linked = (await cadre.session.call(proxyRequestsApi.get, { params: { id: request?.id ?? '' } }))
      .data;
    expect(linked.appealId).toBe(appealed.data.appealId);
    expect(linked.events.map((e) => e.kind)).toContain('appealed');
    const again = await cadre.session.call(proxyRequestsApi.appeal, {
      params: { id: request?.id ?? '' },
      body: { ...body, version: linked.version },
    });
    expect(again.data.appealId).toBe(appealed.data.appealId);
  });
});
