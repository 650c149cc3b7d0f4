import {
  type Attendance,
  type BodyRule,
  type DemocracyBody,
  type QuorumState,
  quorumOf,
  type RollEntry,
  type Threshold,
} from '@lianxin/common';
import { Alert, Flex, Progress, Typography } from 'antd';
import type { Translate } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/i18n';

/** The quorum of a roll with the attendance as tapped so far, by the shared rule of common/. */
export function liveQuorum(
  body: DemocracyBody,
  roll: readonly RollEntry[],
  attendance: ReadonlyMap<string, Attendance | null>,
  rule: BodyRule,
): QuorumState {
  const entitled = roll.filter((r) => r.entitled);
  const present = entitled.filter((r) => attendance.get(r.id) === 'present');
  const households = (entries: readonly RollEntry[]) =>
    new Set(entries.flatMap((r) => (r.householdId ? [r.householdId] : []))).size;
  return quorumOf(
    {
      body,
      entitled: entitled.length,
      present: present.length,
      ...(body === 'villagers'
        ? { households: households(entitled), householdsPresent: households(present) }
        : {}),
    },
    rule,
  );
}

export const zhDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2/3 as 三分之二 in Chinese, 2/3 in English; 1/2 as 半数 / half. */
function fraction(threshold: Threshold, zh: boolean): string {
  const { numerator: n, denominator: d } = threshold;
  if (n * 2 === d) return zh ? '半数' : 'half';
  if (zh && n <= 10 && d <= 10) return `${zhDigits[d]}分之${zhDigits[n]}`;
  return `${n}/${d}`;
}

/** The rule in words: "到会须达应到人数的三分之二以上（含本数）；赞成票须超过到会人数的半数". */
export function ruleText(t: Translate, rule: BodyRule, zh: boolean): string {
  const quorum = t(`democracyWeb.rule.quorum.${rule.quorum.comparison}`, {
    share: fraction(rule.quorum, zh),
  });
  const majority = t(`democracyWeb.rule.majority.${rule.majorityOf}`, {
    share: fraction(rule.majority, zh),
  });
  return t('democracyWeb.rule.both', { quorum, majority });
}

/** The live quorum: present of entitled against what is needed, and why. */
export function QuorumPanel(props: { quorum: QuorumState; rule: BodyRule; body: DemocracyBody }) {
  const t = useT();
  const { locale } = useLocale();
  const { quorum } = props;
  const percent = quorum.entitled === 0 ? 0 : Math.round((quorum.present / quorum.entitled) * 100);
  const neededPercent = quorum.entitled === 0 ? 0 : Math.round((quorum.needed / quorum.entitled) * 100);
  return (
    <Alert
      type={quorum.met ? 'success' : 'warning'}
      showIcon
      data-testid="quorum-panel"
      message={
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong data-testid="quorum-state">
            {quorum.met ? t('democracy.quorum.met') : t('democracy.quorum.notMet')}
          </Typography.Text>
          <Typography.Text data-testid="quorum-line">
            {t('democracyWeb.quorum.heads', {
              present: quorum.present,
              entitled: quorum.entitled,
              needed: quorum.needed,
            })}
          </Typography.Text>
        </Flex>
      }
      description={
        <>
          <Progress
            percent={percent}
            success={{ percent: Math.min(percent, neededPercent) }}
            showInfo={false}
            strokeColor={quorum.met ? '#52c41a' : '#faad14'}
          />
          {quorum.households !== null && (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="quorum-households">
              {t('democracy.quorum.households', {
                present: quorum.householdsPresent ?? 0,
                total: quorum.households,
                needed: quorum.householdsNeeded ?? 0,
              })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph style={{ margin: 0 }} type="secondary">
            {t('democracyWeb.labelled', {
              label: t(`democracy.body.${props.body}`),
              text: ruleText(t, props.rule, locale === 'zh-CN'),
            })}
          </Typography.Paragraph>
          {quorum.met && (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="quorum-votes-needed">
              {t('democracy.quorum.votesNeeded', { votes: quorum.votesNeeded })}
            </Typography.Paragraph>
          )}
        </>
      }
    />
  );
}
