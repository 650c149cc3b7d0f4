// The phone reveals: one per record kind that carries a personal phone (see ../phones.ts).
import { defineContract } from '../contract';
import { HouseholdIdParams, ResidentIdParams } from '../households';
import { PhoneRevealBody, PhoneRevealResponse } from '../phones';
import { UserIdParams } from '../users';

export const phoneRevealsApi = {
  household: defineContract({
    method: 'POST',
    path: '/households/:id/reveal-phone',
    tag: 'households',
    summary: 'A household’s full phone number, to read or to dial (each reveal is audited)',
    params: HouseholdIdParams,
    body: PhoneRevealBody,
    response: PhoneRevealResponse,
  }),
  resident: defineContract({
    method: 'POST',
    path: '/residents/:id/reveal-phone',
    tag: 'households',
    summary: 'A resident’s full phone number, to read or to dial (each reveal is audited)',
    params: ResidentIdParams,
    body: PhoneRevealBody,
    response: PhoneRevealResponse,
  }),
  user: defineContract({
    method: 'POST',
    path: '/users/:id/reveal-phone',
    tag: 'users',
    summary: 'An account holder’s full phone number, to read or to dial (each reveal is audited)',
    params: UserIdParams,
    body: PhoneRevealBody,
    response: PhoneRevealResponse,
  }),
};
