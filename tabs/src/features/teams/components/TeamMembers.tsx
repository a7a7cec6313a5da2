import type { Team, TeamMembers as TeamMembersBody } from '@contracts';
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { Loaded } from '../../../app/use-loaded';
import { teamsText } from '../messages';

type Member = TeamMembersBody['members'][number];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Where a membership came from, in words a leader can act on. */
export function sourceLabel(member: Pick<Member, 'source'>, team: Pick<Team, 'linkedGroup'>): string {
  const t = teamsText.text;
  if (member.source === 'manual') return t('source.manual');
  const group = team.linkedGroup?.displayName;
  if (member.source === 'channel') return group ? t('source.channelNamed', { group }) : t('source.channel');
  return group ? t('source.groupNamed', { group }) : t('source.group');
}

interface Props {
  team: Team;
  state: Loaded<Member[]>;
}

/** The team's people, each with where their membership came from (Leaders of the team and Admins). */
export function TeamMembers({ team, state }: Props) {
  const styles = useStyles();
  const t = teamsText.useText();
  if (state.status === 'loading') return <Spinner size="small" label={t('loadingMembers')} />;
  if (state.status === 'error') {
    const forbidden = state.error instanceof ApiError && state.error.status === 403;
    return (
      <MessageBar intent={forbidden ? 'info' : 'error'} layout="multiline">
        <MessageBarBody>{forbidden ? t('membersForbidden', { name: team.name }) : t('membersFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Caption1 as="p" className={styles.muted}>
        {team.linkedGroup
          ? t(team.linkedGroup.isTeam ? 'linkedToTeam' : 'linkedToGroup', { group: team.linkedGroup.displayName })
          : t('notLinked')}
      </Caption1>
      {state.data.length === 0 ? (
        <Body1 as="p">{t('nobodyInTeam')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('peopleHeading', { name: team.name })}>
          {state.data.map((member) => (
            <li key={member.id} className={styles.item}>
              <Text weight="semibold" dir="auto">{member.displayName}</Text>
              <Badge appearance="tint" color={member.source === 'manual' ? 'informative' : 'brand'}>
                {sourceLabel(member, team)}
              </Badge>
              {!member.accountEnabled && (
                <Badge appearance="outline" color="warning">
                  {t('accountDisabled')}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
