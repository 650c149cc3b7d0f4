import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** One titled part of the visit form. */
export function VisitSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="lx-visit-section">
      <Typography.Title level={5} className="lx-visit-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}
