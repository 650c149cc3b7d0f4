import { maskPersonalNumbers, stageState } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { projectsOfArea, stagesOf } from './projects.repository';
import { projectsRoutes } from './projects.routes';

const yuan = (fen: number | string | null | undefined) => Number(fen ?? 0) / 100;

/** Major investment projects (重大投资项目): routes under `/projects` and the village page's current projects. */
export const projectsPlugin: FastifyPluginAsyncZod = async function projectsPlugin(app) {
  app.ctx.villageSections.register({
    key: 'projects',
    order: 7,
    load: async (db, village, { clock }) => {
      const now = clock.now();
      const projects = await projectsOfArea(db, village.code, 20);
      // Current: a stage is still to be done.
      const current = projects.filter((p) => Number(p.done_count ?? 0) < Number(p.stage_count ?? 0));
      if (current.length === 0) return null;
      const stages = await stagesOf(
        db,
        current.map((p) => p.id),
      );
      return {
        items: current.map((p) => ({
          id: p.id,
          title: maskPersonalNumbers(p.title),
          responsiblePerson: p.responsible_person,
          responsibleUnit: p.responsible_unit,
          budget: yuan(p.budget_fen),
          spent: yuan(p.spent_fen),
          stages: stages
            .filter((s) => s.project_id === p.id)
            .map((s) => ({
              name: s.name,
              dueOn: s.due_on,
              state: stageState({ dueOn: s.due_on, completedOn: s.completed_on }, now),
            })),
        })),
      };
    },
  });
  await app.register(projectsRoutes, { prefix: '/projects' });
};
