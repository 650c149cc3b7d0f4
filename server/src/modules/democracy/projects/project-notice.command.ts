import type { HolidayCalendar, Project } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { AreaContext } from '../../../platform/request-context';
import { publishNotice } from '../../notices';
import { setProjectNotice } from './projects.repository';
import { getProject } from './projects.service';

const money = (yuan: number) => `${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;

/** The notice's text from the project's facts: what, who answers for it, the money and the stages. */
export function projectNoticeText(project: Project, note: string): string {
  const lines = [
    project.description,
    `责任单位：${project.responsibleUnit}`,
    `责任人：${project.responsiblePerson}`,
    `预算：${money(project.budget)}`,
    '实施阶段：',
    ...project.stagesList.map((s) => `${s.seq}. ${s.name}（计划 ${s.dueOn} 前完成）`),
  ];
  if (note.length > 0) lines.push('', note);
  return lines.filter((l, i) => l.length > 0 || i > 0).join('\n');
}

/**
 * Publishes a project's public notice (项目公示) through the notices module, in the same
 * transaction as the project's link to it: objections to it may later be upheld and lead to an
 * accountability record. A project has one notice.
 */
export async function publishProjectNotice(
  trx: Db,
  ctx: AreaContext & { calendar: HolidayCalendar },
  id: string,
  note: string,
): Promise<Project> {
  const project = await getProject(trx, ctx, id);
  if (project.noticeId !== null) throw new AppError('PROJECT_NOTICE_EXISTS');
  const notice = await publishNotice(
    trx,
    { clock: ctx.clock, actor: ctx.actor, scope: ctx.scope, calendar: ctx.calendar },
    {
      kind: 'project',
      title: `${project.title}公示`,
      body: projectNoticeText(project, note),
      areaCode: project.areaCode,
      commentMode: 'named',
    },
    ctx.caller.id,
  );
  if (!(await setProjectNotice(trx, id, notice.id, ctx.clock.now().toISOString()))) {
    throw new AppError('PROJECT_NOTICE_EXISTS');
  }
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'project.notice',
    objectType: 'project',
    objectId: id,
    areaCode: project.areaCode,
    after: { noticeId: notice.id },
  });
  return getProject(trx, ctx, id);
}
