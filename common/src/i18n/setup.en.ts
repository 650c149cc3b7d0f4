import type { setupZhCN } from './setup.zh-CN';

/** The console's strings in English: the first run (set-up page, no sign-in). */
export const setupEn: Record<keyof typeof setupZhCN, string> = {
  'setup.title': 'First run',
  'setup.lead':
    'The server has no account yet. Give the district and its first administrator; then sign in with that account and add the others.',
  'setup.noToken':
    'This page needs the one-time set-up link printed when the server started. Look at the server’s console, or run npx lianxin setup on the server.',
  'setup.notNeeded': 'The server is set up already.',
  'setup.district': 'District',
  'setup.districtImported': 'Imported district: {name} ({code})',
  'setup.districtCode': 'Area code',
  'setup.districtCodeHint': 'The 12-digit statistical division code, e.g. 610902000000',
  'setup.districtCodeInvalid': '12 digits, the last 6 of them zeros',
  'setup.districtName': 'District name',
  'setup.admin': 'First district administrator',
  'setup.username': 'Username',
  'setup.usernameInvalid': '3–40 letters, digits, dots, dashes or underscores',
  'setup.name': 'Name',
  'setup.password': 'Password',
  'setup.passwordConfirm': 'Confirm password',
  'setup.submit': 'Finish set-up',
  'setup.done': 'Set up: the district administrator {username} was created ({district}).',
  'setup.keyFile':
    'Back up the key file {file} now: without it the personal data stored encrypted cannot be read.',
  'setup.keyEnv':
    'The key comes from the SECRET_KEY environment variable: keep a copy; without it the personal data stored encrypted cannot be read.',
  'setup.signIn': 'Sign in',
};
