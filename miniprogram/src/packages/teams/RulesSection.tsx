import { useEffect, useState } from 'react';
import type { DanceRules } from '@shared/api/teams';
import { call, errorMessage } from '../../api';
import { Button, Html, useUniqueId } from '../../components/ui';
import { dateText } from '../../components/teams/teamText';
import { meIn, type SectionProps } from './sections';
import { teamsApi } from '@shared/api/teams';

/**
 * The dance rules (广场舞规章) for the member reading the page: the version in force, read in full, then
 * 我已阅读并同意. A new version asks again. The team can only be submitted once everyone has said yes.
 */
export function RulesSection({ team, onChanged, onFailed, userId }: SectionProps & { userId: string }) {
  const [rules, setRules] = useState<DanceRules | null>(null);
  const [missing, setMissing] = useState(false);
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('rules-title');
  const me = meIn(team, userId);
  const accepted = Boolean(me?.acceptedCurrent);

  useEffect(() => {
    call(teamsApi.getCurrentDanceRules).then(setRules, () => setMissing(true));
  }, [team.rules.currentVersion]);

  const accept = async () => {
    if (!rules || sending) return;
    setSending(true);
    try {
      onChanged(await call(teamsApi.acceptDanceRules, { params: { id: team.id }, body: { rulesVersion: rules.version } }), `您已确认第 ${rules.version} 版规章。`);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!me) return null;
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        广场舞规章
      </Html>
      {missing ? (
        <Html tag='p' className='gz-text'>
          社区还没有发布规章，发布后会请每位队员确认。
        </Html>
      ) : !rules ? (
        <Html tag='p' className='gz-text gz-muted'>
          正在加载规章…
        </Html>
      ) : (
        <>
          <Html tag='p' className='gz-text'>
            {accepted
              ? `您已确认第 ${rules.version} 版《${rules.title}》。`
              : `请阅读第 ${rules.version} 版《${rules.title}》（${dateText(rules.publishedAt.slice(0, 10))}发布），然后确认。`}
          </Html>
          {accepted ? (
            <Button inline variant='plain' expanded={open} onClick={() => setOpen((o) => !o)}>
              {open ? '收起规章全文' : '阅读规章全文'}
            </Button>
          ) : null}
          {open || !accepted ? (
            <Html tag='div' className='gz-rules-text'>
              {rules.text.split('\n').map((line, i) => (
                <Html tag='p' className='gz-text' key={i}>
                  {line}
                </Html>
              ))}
            </Html>
          ) : null}
          {!accepted ? (
            <Button variant='primary' loading={sending} onClick={() => void accept()}>
              我已阅读并同意
            </Button>
          ) : null}
        </>
      )}
    </Html>
  );
}
