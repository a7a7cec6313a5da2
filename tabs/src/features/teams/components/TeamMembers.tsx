import type { Team, TeamMembers as TeamMembersBody } from '@contracts';
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { Loaded } from '../../../app/use-loaded';

type Member = TeamMembersBody['members'][number];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Where a membership came from, in words a leader can act on. */
export function sourceLabel(member: Pick<Member, 'source'>, team: Pick<Team, 'linkedGroup'>): string {
  if (member.source === 'manual') return 'Added by hand';
  const group = team.linkedGroup?.displayName;
  if (member.source === 'channel') return group ? `From the team ${group} in Teams` : 'From the team in Teams';
  return group ? `From the Microsoft 365 group ${group}` : 'From a Microsoft 365 group';
}

interface Props {
  team: Team;
  state: Loaded<Member[]>;
}

/** The team's people, each with where their membership came from (Leaders of the team and Admins). */
export function TeamMembers({ team, state }: Props) {
  const styles = useStyles();
  if (state.status === 'loading') return <Spinner size="small" label="Loading the team's people…" />;
  if (state.status === 'error') {
    const forbidden = state.error instanceof ApiError && state.error.status === 403;
    return (
      <MessageBar intent={forbidden ? 'info' : 'error'} layout="multiline">
        <MessageBarBody>{forbidden ? `Only a leader of ${team.name} or an admin can see who is in it and why.` : `We couldn't load this team's people. ${whatWentWrong(state.error)}`}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Caption1 as="p" className={styles.muted}>
        {team.linkedGroup
          ? `Linked to ${team.linkedGroup.isTeam ? 'the team' : 'the Microsoft 365 group'} ${team.linkedGroup.displayName}: its members join and leave with the directory sync.`
          : 'Not linked to Microsoft 365: people are added by hand.'}
      </Caption1>
      {state.data.length === 0 ? (
        <Body1 as="p">Nobody is in this team yet.</Body1>
      ) : (
        <ul className={styles.list} aria-label={`People in ${team.name}`}>
          {state.data.map((member) => (
            <li key={member.id} className={styles.item}>
              <Text weight="semibold">{member.displayName}</Text>
              <Badge appearance="tint" color={member.source === 'manual' ? 'informative' : 'brand'}>
                {sourceLabel(member, team)}
              </Badge>
              {!member.accountEnabled && (
                <Badge appearance="outline" color="warning">
                  Account disabled
                </Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
