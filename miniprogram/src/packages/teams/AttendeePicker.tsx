import type { Team } from '@shared/api/teams';
import { Button, Checkbox, Html, useUniqueId } from '../../components/ui';

/** Who took part: a box per member, and 全选 for the usual case of everyone. */
export function AttendeePicker({ team, value, onChange, error }: { team: Team; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const id = useUniqueId('attendees');
  const all = team.members.map((m) => m.id);
  return (
    <Html tag='div' className='gz-field' role='group' aria-labelledby={`${id}-label`}>
      <Html tag='p' className='gz-label' id={`${id}-label`}>
        {`参加的队员（已选 ${value.length} 人）`}
      </Html>
      <Button inline variant='plain' onClick={() => onChange(value.length === all.length ? [] : all)}>
        {value.length === all.length ? '全不选' : '全选'}
      </Button>
      {team.members.map((m) => (
        <Checkbox
          key={m.id}
          id={`${id}-${m.id}`}
          label={m.name}
          checked={value.includes(m.id)}
          onChange={(on) => onChange(on ? [...value, m.id] : value.filter((x) => x !== m.id))}
        />
      ))}
      {error ? (
        <Html tag='p' className='gz-error' role='alert'>
          {error}
        </Html>
      ) : null}
    </Html>
  );
}
