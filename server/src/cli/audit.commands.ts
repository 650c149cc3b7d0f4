import { existsSync } from 'node:fs';
import { readAnchors, takeCheckpoint } from '../platform/audit/audit.checkpoints';
import { sealAudit } from '../platform/audit/audit.sealer';
import { verifyAudit } from '../platform/audit/audit.verify';
import { systemClock } from '../platform/clock';
import { loadSecrets } from '../platform/secrets';
import type { CliIo } from './commands';
import { withDatabase } from './database';
import { CliFailure } from './failure';

/**
 * `lianxin audit verify [--anchors <file or dir>]`: checks the chain (the older unkeyed part and the
 * keyed part) and the checkpoints kept outside the database (AUDIT_ANCHOR_DIR unless given);
 * false when anything was altered, removed, cut off or rewritten.
 */
export async function auditVerifyCommand(io: CliIo, options: { anchors?: string } = {}): Promise<boolean> {
  const location = options.anchors ?? io.config.audit.anchorDir;
  if (options.anchors && !existsSync(options.anchors)) {
    throw new CliFailure(`${options.anchors} does not exist.`, `${options.anchors} 不存在。`);
  }
  const anchors = location && existsSync(location) ? readAnchors(location) : null;
  return withDatabase(io.config, async (database) => {
    const result = await verifyAudit(database.db, loadSecrets(io.config), {
      anchors: anchors?.checkpoints ?? [],
      unreadableAnchors: anchors?.unreadable ?? 0,
    });
    const latest = result.anchors.latest;
    const anchorLine = latest
      ? `${result.anchors.checked} checkpoint(s) checked, the latest at place ${latest.sealSeq} (${latest.at})`
      : 'no checkpoint to check against: a cut tail cannot be seen (set AUDIT_ANCHOR_DIR or pass --anchors)';
    if (result.ok) {
      io.print(`audit log intact: ${result.checked} entries verified`);
      io.print(`  ${result.legacy} before the keyed chain, ${result.sealed} sealed; ${anchorLine}`);
      if (result.unsealed > 0) {
        io.print(
          `  ${result.unsealed} entries not sealed yet (a running server seals them within seconds; \`lianxin audit checkpoint\` seals them now)`,
        );
      }
      return true;
    }
    io.print(`audit log TAMPERED: ${result.problems.length} problem(s) in ${result.checked} entries`);
    for (const p of result.problems.slice(0, 50)) {
      const where = [
        p.seq === undefined ? '' : `seq ${p.seq}`,
        p.sealSeq === undefined ? '' : `place ${p.sealSeq}`,
      ]
        .filter(Boolean)
        .join(', ');
      io.print(`  ${where || 'anchor'}: ${p.problem}`);
    }
    io.print(`  ${anchorLine}`);
    return false;
  });
}

/**
 * `lianxin audit checkpoint`: seals what is waiting, then signs the head and anchors it (the
 * anchor directory and the `audit.checkpoint` webhooks) at once.
 */
export async function auditCheckpointCommand(io: CliIo): Promise<void> {
  const secrets = loadSecrets(io.config);
  await withDatabase(io.config, async (database) => {
    const sealed = await sealAudit(database.db, secrets);
    const checkpoint = await takeCheckpoint({
      db: database.db,
      secrets,
      clock: systemClock,
      anchorDir: io.config.audit.anchorDir,
    });
    if (!checkpoint) {
      throw new CliFailure(
        'Another sealer holds the audit chain; try again in a moment.',
        '另一个实例正在封存审计链，请稍后再试。',
      );
    }
    io.print(`sealed ${sealed} entries; checkpoint at place ${checkpoint.sealSeq} ${checkpoint.hash}`);
    io.print(
      io.config.audit.anchorDir
        ? `  written to ${io.config.audit.anchorDir} and sent to the audit.checkpoint webhooks`
        : '  sent to the audit.checkpoint webhooks only (AUDIT_ANCHOR_DIR is not set)',
    );
  });
}
