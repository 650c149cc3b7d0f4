import { FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Spin, Tag } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { NoticeCommentForm } from './notice-comment.form';
import { NoticeCountdown } from './notice-countdown';
import { periodText } from './notice-dates';
import { attachmentUrl, usePublicNotice } from './notices.public-api';
import './notices.css';

/** `/public/notices/:id`: a notice as residents read it, with its countdown, files, public answers and the form. */
export function PublicNoticePage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data: notice, error, isLoading } = usePublicNotice(id);
  if (isLoading) return <Spin />;
  if (!notice) {
    return (
      <Alert
        type="warning"
        showIcon
        message={isApiError(error, 'NOT_FOUND') ? t('notices.public.notFound') : t('error.unexpected')}
      />
    );
  }
  const ended = notice.endsAt !== null && Date.parse(notice.endsAt) <= Date.now();
  return (
    <article className="lx-notice" data-testid="public-notice">
      <header>
        <Tag color={notice.status === 'closed' ? 'default' : 'green'}>
          {t(`notices.kind.${notice.kind}`)} ·{' '}
          {notice.status === 'closed' ? t('notices.public.closed') : t('notices.public.open')}
        </Tag>
        <h1 className="lx-notice-title">{notice.title}</h1>
        <p className="lx-notice-meta">{t('notices.public.publisher', { name: notice.publisherName })}</p>
        {notice.startsAt && notice.endsAt && (
          <div className="lx-notice-period">
            <div>{t('notices.public.period', periodText(notice.startsAt, notice.endsAt))}</div>
            {notice.status === 'published' && (
              <NoticeCountdown startsAt={notice.startsAt} endsAt={notice.endsAt} />
            )}
          </div>
        )}
        {notice.outcome && (
          <Alert
            type="success"
            showIcon
            message={t('notices.public.outcome', { outcome: t(`notices.outcome.${notice.outcome}`) })}
            description={notice.closingNote ?? undefined}
          />
        )}
      </header>
      <div className="lx-notice-body">{notice.body}</div>
      {notice.attachments.length > 0 && (
        <section>
          <h2 className="lx-notice-subtitle">{t('notices.public.attachments')}</h2>
          <ul className="lx-notice-files">
            {notice.attachments.map((a) => (
              <li key={a.id}>
                <a href={attachmentUrl(notice.id, a.id)} target="_blank" rel="noreferrer">
                  {a.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}{' '}
                  {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2 className="lx-notice-subtitle">{t('notices.public.answers')}</h2>
        <p className="lx-notice-hint">
          {t('notices.public.counts', { comments: notice.comments, objections: notice.objections })}
        </p>
        {notice.answers.map((a) => (
          <div className="lx-notice-answer" key={`${a.createdAt}-${a.body.slice(0, 10)}`}>
            <div className="lx-notice-question">
              <Tag color={a.kind === 'objection' ? 'red' : 'blue'}>{t(`notices.comment.kind.${a.kind}`)}</Tag>
              <span className="lx-notice-who">{a.authorName ?? t('notices.comment.anonymous')}</span>
              <span className="lx-notice-hint">{formatDateTime(a.createdAt)}</span>
              <p>{a.body}</p>
            </div>
            {a.answer && (
              <div className="lx-notice-reply">
                <strong>{t('notices.comment.answer')}</strong>{' '}
                <span className="lx-notice-hint">{formatDateTime(a.answeredAt)}</span>
                <p>{a.answer}</p>
              </div>
            )}
            {a.toAppeal && <Tag color="purple">{t('notices.public.toAppeal')}</Tag>}
          </div>
        ))}
      </section>
      <section>
        <h2 className="lx-notice-subtitle">{t('notices.public.form')}</h2>
        {notice.commentMode === 'closed' ? (
          <p className="lx-notice-hint">{t('notices.public.formClosed')}</p>
        ) : notice.open ? (
          <NoticeCommentForm notice={notice} />
        ) : (
          <p className="lx-notice-hint">
            {ended ? t('notices.public.formEnded') : t('notices.public.notStarted')}
          </p>
        )}
      </section>
    </article>
  );
}
