import { beforeAll, describe, expect, it } from 'vitest';
import { getMatter } from '../../src/modules/democracy';
import { scopeOf } from '../../src/platform/scope';
import type { TestDatabase } from '../harness';

/** Checks on the demo district loaded once for every demo check (server/src/demo/demo.test.ts). */
export function democracyChecks(demo: () => TestDatabase): void {
  describe('the demo district’s village democracy', () => {
    let database: TestDatabase;
    beforeAll(() => {
      database = demo();
    });

    const matters = () =>
      database.db
        .selectFrom('matters')
        .select(['id', 'village_code', 'title', 'status'])
        .orderBy('created_at')
        .execute();

    it('takes the road through the four deliberations and both publicities to closing', async () => {
      const road = (await matters()).find((m) => m.status === 'closed');
      if (!road) throw new Error('no closed matter in the demo');
      const matter = await getMatter(
        database.db,
        scopeOf({ code: road.village_code, kind: 'village' }),
        road.id,
      );
      expect(matter.steps.map((s) => s.meetingId !== null && !s.skipped)).toEqual([true, true, true, true]);
      expect(matter.decision).toMatchObject({ body: 'representatives', against: 1, abstain: 1 });
      expect(matter.tasks.every((task) => task.done)).toBe(true);
      const notices = await database.db
        .selectFrom('notices')
        .select(['kind', 'status', 'body'])
        .where('id', 'in', [matter.resolutionNoticeId ?? '', matter.resultNoticeId ?? ''])
        .execute();
      expect(notices.map((n) => n.kind).sort()).toEqual(['resolution', 'result']);
      expect(notices.find((n) => n.kind === 'resolution')?.body).toContain('反对1票');
    });

    it('runs a seven-day notice in the same village whose objection became an appeal', async () => {
      const road = (await matters()).find((m) => m.status === 'closed');
      const objection = await database.db
        .selectFrom('notice_comments')
        .innerJoin('notices', 'notices.id', 'notice_comments.notice_id')
        .innerJoin('appeals', 'appeals.id', 'notice_comments.appeal_id')
        .select(['notices.area_code', 'notices.period_days', 'appeals.source_kind', 'appeals.village_code'])
        .where('notice_comments.kind', '=', 'objection')
        .where('notices.kind', '=', 'finance')
        .executeTakeFirstOrThrow();
      expect(objection).toMatchObject({
        area_code: road?.village_code,
        period_days: 7,
        source_kind: 'notice_objection',
        village_code: road?.village_code,
      });
    });

    it('leaves the fish pond midway, its Party members’ meeting noticed with a roll', async () => {
      const pond = (await matters()).find((m) => m.status === 'reviewing');
      if (!pond) throw new Error('no matter midway in the demo');
      const meeting = await database.db
        .selectFrom('meetings')
        .select(['id', 'body', 'status'])
        .where('matter_id', '=', pond.id)
        .where('status', '=', 'scheduled')
        .executeTakeFirstOrThrow();
      expect(meeting.body).toBe('party_members');
      const roll = await database.db
        .selectFrom('meeting_roll')
        .select(['entitled'])
        .where('meeting_id', '=', meeting.id)
        .execute();
      expect(roll.length).toBe(8);
      expect(roll.filter((r) => Boolean(r.entitled))).toHaveLength(7);
    });
  });
}
