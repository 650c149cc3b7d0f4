import { defineContract } from '../contract';
import {
  SecuritySettings,
  User,
  UserIdParams,
  UsersCreateBody,
  UsersListQuery,
  UsersListResponse,
  UsersResetPasswordBody,
  UsersUpdateBody,
} from '../users';

/** `/users`: cadre accounts in the caller’s subtree. */
export const usersApi = {
  list: defineContract({
    method: 'GET',
    path: '/users',
    tag: 'users',
    query: UsersListQuery,
    response: UsersListResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/users/:id',
    tag: 'users',
    params: UserIdParams,
    response: User,
  }),
  create: defineContract({
    method: 'POST',
    path: '/users',
    tag: 'users',
    body: UsersCreateBody,
    response: User,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/users/:id',
    tag: 'users',
    params: UserIdParams,
    body: UsersUpdateBody,
    response: User,
  }),
  disable: defineContract({
    method: 'POST',
    path: '/users/:id/disable',
    tag: 'users',
    params: UserIdParams,
    response: User,
  }),
  enable: defineContract({
    method: 'POST',
    path: '/users/:id/enable',
    tag: 'users',
    params: UserIdParams,
    response: User,
  }),
  /** Sets a new password; every session and API token of the account ends. */
  resetPassword: defineContract({
    method: 'POST',
    path: '/users/:id/password',
    tag: 'users',
    params: UserIdParams,
    body: UsersResetPasswordBody,
  }),
  /** Lifts the account's sign-in lockout after failed passwords (from any address). */
  unlock: defineContract({
    method: 'POST',
    path: '/users/:id/unlock',
    tag: 'users',
    params: UserIdParams,
    response: User,
  }),
};

/** `/security-settings`: the district's console security settings (the screen watermark). */
export const securitySettingsApi = {
  /** Every signed-in account reads them: the console draws the watermark from them. */
  get: defineContract({
    method: 'GET',
    path: '/security-settings',
    tag: 'users',
    response: SecuritySettings,
  }),
  update: defineContract({
    method: 'PUT',
    path: '/security-settings',
    tag: 'users',
    body: SecuritySettings,
    response: SecuritySettings,
  }),
};
