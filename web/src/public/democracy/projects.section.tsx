import { ProjectOutlined } from '@ant-design/icons';
import { Progress, Tag } from 'antd';
import { useLocale, useT } from '../../i18n/i18n';
import { stageColors, yuanText } from '../../modules/democracy/projects/project-labels';
import '../notices/notices.css';
import type { VillageSectionProps } from '../village/village-sections';

/** The village page's projects under way: who answers for each, the money, the stages. */
export function ProjectsSection({ data }: VillageSectionProps<'projects'>) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <h2 className="lx-village-section-title">
        <ProjectOutlined aria-hidden /> {t('village.projects.title')}
      </h2>
      <p className="lx-village-lead">{t('village.projects.lead')}</p>
      <ul className="lx-notice-list" data-testid="village-projects">
        {data.items.map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong>
            <div className="lx-notice-hint">
              {t('village.projects.responsible', { unit: p.responsibleUnit, person: p.responsiblePerson })}
            </div>
            <div className="lx-notice-hint">
              {t('village.projects.money', {
                budget: yuanText(p.budget, locale),
                spent: yuanText(p.spent, locale),
              })}
            </div>
            <Progress percent={p.budget > 0 ? Math.round((p.spent / p.budget) * 100) : 0} size="small" />
            <div>
              {p.stages.map((s) => (
                <Tag key={`${s.name}-${s.dueOn}`} color={stageColors[s.state]}>
                  {s.name} · {s.dueOn} · {t(`projects.stage.${s.state}`)}
                </Tag>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
