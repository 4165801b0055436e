#!/usr/bin/env node
// tsx's in-process loader runs the TypeScript sources directly, without a second Node process.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
await main();
