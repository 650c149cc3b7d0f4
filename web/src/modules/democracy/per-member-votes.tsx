import type { RollEntry } from '@lianxin/common';
import { Flex, Radio, Typography } from 'antd';
import { useT } from '../../i18n/i18n';

export type VoteChoice = 'for' | 'against' | 'abstain';
const choices: VoteChoice[] = ['for', 'against', 'abstain'];

/** A vote per member present (the optional record the counts then follow). */
export function PerMemberVotes(props: {
  voters: readonly RollEntry[];
  votes: ReadonlyMap<string, VoteChoice>;
  onChange: (rollId: string, vote: VoteChoice) => void;
}) {
  const t = useT();
  return (
    <Flex vertical gap={6} style={{ marginBottom: 12 }} data-testid="per-member-votes">
      {props.voters.map((voter) => (
        <Flex key={voter.id} justify="space-between" align="center" gap={8}>
          <Typography.Text>{voter.name}</Typography.Text>
          <Radio.Group
            size="small"
            optionType="button"
            buttonStyle="solid"
            // Nothing chosen until tapped: a member's vote is never assumed.
            value={props.votes.get(voter.id) ?? null}
            onChange={(e) => props.onChange(voter.id, e.target.value as VoteChoice)}
            options={choices.map((c) => ({ value: c, label: t(`democracy.vote.${c}`) }))}
            data-testid={`member-vote-${voter.id}`}
          />
        </Flex>
      ))}
    </Flex>
  );
}
