// npm run bench:generate -- [town|district] [--postgres] [--fresh]
import { dropDataset, type Engine, openDataset } from './dataset';
import { type Scale, scales } from './generate';

const args = process.argv.slice(2);
const scale = (args.find((a) => a in scales) ?? 'town') as Scale;
const engine: Engine = args.includes('--postgres') ? 'postgres' : 'sqlite';
if (args.includes('--fresh')) await dropDataset(scale, engine);
const database = await openDataset(scale, engine, (line) => process.stdout.write(`${line}\n`));
await database.close();
