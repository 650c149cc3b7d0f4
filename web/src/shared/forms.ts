import { type FieldProblem, fieldProblems } from '@lianxin/common';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { useLocale } from '../i18n/i18n';
import { useShowError } from './feedback';

type FieldPath = (string | number)[];

export interface FieldErrorMapping {
  /** Schema paths that are another form field, e.g. `flags.disasterTo` → `['disasterRange']`. */
  rename?: Record<string, FieldPath>;
  /** Plainer messages than the generic schema ones, by form field (dotted path). */
  messages?: Record<string, string>;
  /** Domain error codes that concern one field, e.g. `USERNAME_TAKEN` → `['username']`. */
  codes?: Record<string, FieldPath>;
}

interface FieldIssue {
  path: FieldPath;
  message: string;
}

function placeIssues(form: FormInstance, issues: FieldIssue[], mapping: FieldErrorMapping): FieldIssue[] {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.path.length === 0) {
      unplaced.push(issue);
      continue;
    }
    const dotted = issue.path.join('.');
    const name = mapping.rename?.[dotted] ?? issue.path;
    const key = name.join('.');
    const message = mapping.messages?.[key] ?? issue.message;
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}

function isFieldProblem(message: string): message is FieldProblem {
  return Object.hasOwn(fieldProblems, message);
}

// `body.flags.disasterTo` → ['flags', 'disasterTo']: the server names the part of the request first.
function serverPath(path: string): FieldPath {
  const parts = path.split('.');
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
  return parts.filter((p) => p !== '');
}

/**
 * Form submission against a shared zod schema: `validate` checks the body the way the server
 * will and puts each issue on its field; `handleError` shows a server failure and also puts its
 * field details (or a field-specific error code) on the form.
 */
export function useSchemaForm<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  mapping: FieldErrorMapping = {},
) {
  const showError = useShowError();
  const { locale } = useLocale();

  const validate = useCallback(
    (body: unknown): z.output<S> | null => {
      const result = schema.safeParse(body);
      if (result.success) return result.data;
      // Checks zod cannot word (ID numbers, one head per household) carry a problem key instead.
      const issues = result.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: isFieldProblem(i.message) ? fieldProblems[i.message][locale] : i.message,
      }));
      const unplaced = placeIssues(form, issues, mapping);
      if (unplaced[0]) showError(new ApiError(400, 'VALIDATION_FAILED', unplaced[0].message));
      return null;
    },
    [form, schema, mapping, showError, locale],
  );

  const handleError = useCallback(
    (error: unknown) => {
      showError(error);
      if (!(error instanceof ApiError)) return;
      const issues = error.details.map((d) => ({ path: serverPath(d.path), message: d.message }));
      const codeField = mapping.codes?.[error.code];
      if (codeField) issues.push({ path: codeField, message: error.message });
      placeIssues(form, issues, { ...mapping, messages: {} });
    },
    [form, mapping, showError],
  );

  return { validate, handleError };
}

/** `undefined`, empty and blank inputs as null: optional text fields the API takes as nullable. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The fields of `next` whose values differ from `before`: what a PATCH should send. */
export function changedFields<T extends Record<string, unknown>>(next: T, before: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) changed[key] = next[key];
  }
  return changed;
}
