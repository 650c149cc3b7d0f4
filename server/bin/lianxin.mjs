#!/usr/bin/env node
// The `lianxin` command. The server is TypeScript run through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
