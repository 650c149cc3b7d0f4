import { meetingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendFile } from '../../platform/files';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { getMeeting, listMeetings } from './meeting-views';
import { cancelMeeting, createMeeting, decideMeeting, recordAttendance } from './meetings.service';
import { writeMinutesPdf } from './minutes.pdf';

/** `/meetings`: each deliberation's meeting — roll, attendance, quorum, vote, minutes. */
export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, meetingsApi.list, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listMeetings(ctx.db, ctx.scope, request.query);
  });

  route(app, meetingsApi.create, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createMeeting(trx, ctx, request.body));
  });

  route(app, meetingsApi.get, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getMeeting(ctx.db, ctx.scope, request.params.id);
  });

  route(app, meetingsApi.attendance, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => recordAttendance(trx, ctx, request.params.id, request.body));
  });

  route(app, meetingsApi.decide, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => decideMeeting(trx, ctx, request.params.id, request.body));
  });

  route(app, meetingsApi.minutesPdf, { permission: 'democracy.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const meeting = await getMeeting(ctx.db, ctx.scope, request.params.id);
    const content = await writeMinutesPdf(meeting);
    return sendFile(reply, {
      content_type: 'application/pdf',
      content,
      file_name: `${meeting.villageName}${meeting.heldAt.slice(0, 10)}会议记录.pdf`,
    });
  });

  route(app, meetingsApi.cancel, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => cancelMeeting(trx, ctx, request.params.id, request.body));
  });
};
