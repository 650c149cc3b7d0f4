import { isStrongPassword } from '@lianxin/common';
import type { FormRule } from 'antd';
import type { Translate } from '../i18n/i18n';

/** The server's password rule (common `isStrongPassword`), checked as the user types. */
export function strongPasswordRules(t: Translate, username: () => string): FormRule[] {
  return [
    { required: true, message: t('password.required') },
    {
      validator: async (_, value: string | undefined) => {
        if (!value || isStrongPassword(value, username())) return;
        throw new Error(t('password.rule'));
      },
    },
  ];
}

/** The confirmation field must repeat `field`. */
export function confirmPasswordRules(t: Translate, field: string): FormRule[] {
  return [
    { required: true, message: t('password.required') },
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) => {
        if (!value || value === getFieldValue(field)) return;
        throw new Error(t('password.mismatch'));
      },
    }),
  ];
}
