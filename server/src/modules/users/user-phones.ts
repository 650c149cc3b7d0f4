import { maskPhone, phoneRevealsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { notFound } from '../../platform/errors';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { findUser } from './users.repository';

type Payload = { phone?: unknown; username?: unknown; items?: unknown };

function maskAccount(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const account = value as Payload;
  if (typeof account.username !== 'string' || typeof account.phone !== 'string') return value;
  return { ...account, phone: maskPhone(account.phone) };
}

/**
 * Every account the `/users` routes answer with carries its phone masked (138****9469): the
 * services keep the full number (an update writes back what it read), and the answer is masked
 * on its way out, one account or a page of them. The reveal below is the one way to the number.
 */
export async function maskAccountPhones(_request: unknown, _reply: unknown, payload: unknown) {
  if (!payload || typeof payload !== 'object') return payload;
  const page = payload as Payload;
  if (Array.isArray(page.items)) return { ...page, items: page.items.map(maskAccount) };
  return maskAccount(payload);
}

/** `/users/:id/reveal-phone`: an account holder's full phone, audited each time (a tap-to-call too). */
export const userPhoneRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, phoneRevealsApi.user, { permission: 'users.read' }, async (request) => {
    const ctx = areaContextOf(request);
    const phone = await withTransaction(ctx, async (trx) => {
      const user = await findUser(trx, ctx.scope, request.params.id);
      if (!user) throw notFound();
      await recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'user.reveal_phone',
        objectType: 'user',
        objectId: user.id,
        areaCode: user.area_code,
        after: { purpose: request.body.purpose },
      });
      return user.phone;
    });
    return { phone };
  });
};
