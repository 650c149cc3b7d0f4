import { defineContract } from '../contract';
import {
  AuthLoginBody,
  AuthMeUpdateBody,
  AuthPasswordBody,
  AuthSession,
  Me,
  TokensCreateBody,
  TokensCreateResponse,
  TokensListResponse,
  TokensRevokeParams,
} from '../users';

/** `/auth/login`, `/auth/me`, `/auth/logout`: signing in, the session, signing out. */
export const sessionApi = {
  /** The one public route of the API outside the residents’ pages. */
  login: defineContract({
    method: 'POST',
    path: '/auth/login',
    tag: 'auth',
    body: AuthLoginBody,
    response: AuthSession,
  }),
  get: defineContract({
    method: 'GET',
    path: '/auth/me',
    tag: 'auth',
    response: AuthSession,
  }),
  logout: defineContract({
    method: 'POST',
    path: '/auth/logout',
    tag: 'auth',
  }),
};

/** `/auth/me`, `/auth/password`: the caller’s own account. */
export const accountApi = {
  update: defineContract({
    method: 'PATCH',
    path: '/auth/me',
    tag: 'auth',
    body: AuthMeUpdateBody,
    response: Me,
  }),
  /** Keeps this session and ends every other one of the account. */
  changePassword: defineContract({
    method: 'POST',
    path: '/auth/password',
    tag: 'auth',
    body: AuthPasswordBody,
  }),
};

/** `/auth/tokens`: the caller’s personal API tokens. */
export const tokensApi = {
  list: defineContract({
    method: 'GET',
    path: '/auth/tokens',
    tag: 'auth',
    response: TokensListResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/auth/tokens',
    tag: 'auth',
    body: TokensCreateBody,
    response: TokensCreateResponse,
    status: 201,
  }),
  revoke: defineContract({
    method: 'DELETE',
    path: '/auth/tokens/:id',
    tag: 'auth',
    params: TokensRevokeParams,
  }),
};
