import {
  type AuthLoginBody,
  type AuthSession,
  accountApi,
  type Locale,
  type Me,
  type Permission,
  type Role,
  grantableRoles as rolesGrantableBy,
  sessionApi,
} from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { ApiError, api, onSignedOut, setCsrfToken } from '../api/client';
import { useLocale } from '../i18n/i18n';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<AuthSession | null> {
  try {
    const session = await api(sessionApi.get, {}, { signOutOn401: false });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session, or null when signed out; undefined while the first probe runs. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in user. Only for components under the session guard. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() used outside a signed-in page');
  return data.user;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return useCallback((permission: Permission) => me.permissions.includes(permission), [me]);
}

export function useGrantableRoles(): readonly Role[] {
  return rolesGrantableBy[useMe().role];
}

export function useSignIn() {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useLocale();
  return useMutation({
    mutationFn: (body: AuthLoginBody) => api(sessionApi.login, { body }, { signOutOn401: false }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
      if (session.user.locale && session.user.locale !== locale) setLocale(session.user.locale);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(sessionApi.logout, {}),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}

/** Switches the UI language; when signed in, also saves it on the account so it follows the user. */
export function useSwitchLocale() {
  const queryClient = useQueryClient();
  const { setLocale } = useLocale();
  return useCallback(
    (next: Locale) => {
      setLocale(next);
      const session = queryClient.getQueryData<AuthSession | null>(sessionKey);
      if (!session) return;
      api(accountApi.update, { body: { locale: next } })
        .then((user) => queryClient.setQueryData(sessionKey, { ...session, user }))
        .catch(() => {
          // The choice still holds in this browser; the account keeps its old preference.
        });
    },
    [queryClient, setLocale],
  );
}

/**
 * Connects the API client to the session: a 401 from any call signs the console out (the guard
 * then shows the login page), and a stored language preference of the account is applied.
 */
export function SessionBridge() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { data } = useSession();
  const { locale, setLocale } = useLocale();
  const appliedFor = useRef<string | null>(null);

  useEffect(() => {
    onSignedOut((error) => {
      if (!queryClient.getQueryData(sessionKey)) return;
      setCsrfToken(null);
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      message.warning({ content: error.message, key: 'signed-out' });
    });
    return () => onSignedOut(null);
  }, [queryClient, message]);

  const user = data?.user;
  useEffect(() => {
    if (!user || appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    if (user.locale && user.locale !== locale) setLocale(user.locale);
  }, [user, locale, setLocale]);

  return null;
}
