import type { ReactNode } from 'react';
import type { Team } from '@shared/api/teams';
import { FeedbackDetailsSkeleton } from '../../../components/FeedbackDetails';
import { ErrorState, Notice } from '../../../components/States';
import { ComplaintsSection } from './ComplaintsSection';
import { DecisionSection } from './DecisionSection';
import { ActivitiesSection, HistorySection, MembersSection, RegistrationSection, StudySessionsSection, TeamFiling } from './TeamSections';
import { useStaffTeam } from './useStaffTeam';

/**
 * One team as the committee reviews it: the filing, the decision the status machine allows now, the registration,
 * members and who has not accepted the rules, study sessions, activities and hours, noise complaints, and the
 * history with its reasons. On its own page (team/index) or beside the list on a desktop (`headingLevel` 2 there).
 * `footer` appears once the team (or its error) is there, so nothing moves while it loads; `onChanged` is told
 * after each decision or linked complaint (the list reloads).
 */
export function TeamReview({
  id,
  headingLevel = 1,
  footer,
  onChanged,
}: {
  id: string;
  headingLevel?: 1 | 2;
  footer?: ReactNode;
  onChanged?: (team: Team) => void;
}) {
  const { team, setTeam, error, load } = useStaffTeam(id);
  const sub = headingLevel === 1 ? 'h2' : 'h3';

  return (
    <>
      {error && !team ? <ErrorState message={error} onRetry={id ? () => void load() : undefined} /> : null}
      {!team && !error ? <FeedbackDetailsSkeleton /> : null}
      {error && team ? <Notice kind='error'>{`没有刷新成功：${error}`}</Notice> : null}
      {team ? (
        <>
          <TeamFiling team={team} headingLevel={headingLevel} />
          <DecisionSection
            key={`decide-${team.id}`}
            team={team}
            headingTag={sub}
            onDecided={(updated) => {
              setTeam(updated);
              onChanged?.(updated);
            }}
            reload={load}
          />
          <RegistrationSection team={team} headingTag={sub} />
          <MembersSection team={team} headingTag={sub} />
          <StudySessionsSection team={team} headingTag={sub} />
          <ActivitiesSection team={team} headingTag={sub} />
          <ComplaintsSection
            key={`complaints-${team.id}`}
            team={team}
            headingTag={sub}
            onLinked={() => {
              void load();
              onChanged?.(team);
            }}
          />
          <HistorySection team={team} headingTag={sub} />
        </>
      ) : null}
      {team || error ? footer : null}
    </>
  );
}
