import { ProjectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../../layout/console-module';

const ProjectsPage = lazy(() => import('./projects.page').then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazy(() => import('./project.page').then((m) => ({ default: m.ProjectPage })));

/** 重大投资项目: the list of the caller's area and one project's page. */
export const projectsModule: ConsoleModule = {
  routes: [
    guardedRoute('projects', 'notices.read', ProjectsPage),
    guardedRoute('projects/:id', 'notices.read', ProjectPage),
  ],
  menu: {
    democracy: [
      {
        path: '/projects',
        label: 'nav.projects',
        icon: <ProjectOutlined />,
        permission: 'notices.read',
        areaOnly: true,
      },
    ],
  },
};
