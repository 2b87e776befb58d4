import { useState } from 'react';
import { AddMemberBody, teamsApi } from '@shared/api/teams';
import { call, errorMessage, zodFieldErrors, type FieldErrors } from '../../api';
import { hoursText } from '../../components/teams/teamText';
import { Button, Checkbox, Form, Html, TextField, VisuallyHidden, useConfirm, useUniqueId } from '../../components/ui';
import type { SectionProps } from './sections';

/**
 * The members: who they are, whether they accepted the rules in force, their hours. The leader adds someone by
 * name (with that person's consent to being recorded) and removes a member, asked first.
 */
export function MembersSection({ team, onChanged, onFailed }: SectionProps) {
  const leader = team.viewer === 'leader';
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('members-title');
  const formId = useUniqueId('member-new');

  const add = async () => {
    if (sending) return;
    const parsed = AddMemberBody.safeParse({ name, phone: phone.replace(/\D/g, '') || undefined, consent: consent || undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      onChanged(await call(teamsApi.addTeamMember, { params: { id: team.id }, body: parsed.data }), `已添加队员 ${parsed.data.name}。`);
      setName('');
      setPhone('');
      setConsent(false);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const remove = async (memberId: string, memberName: string) => {
    const ok = await confirm({
      title: `移除队员 ${memberName} 吗？`,
      content: '移除后，Ta 的登记信息会从本队删除；需要时可以重新邀请。',
      confirmText: '移除',
      cancelText: '保留',
      destructive: true,
    });
    if (!ok) return;
    try {
      onChanged(await call(teamsApi.removeTeamMember, { params: { id: team.id }, body: { memberId } }), `已移除队员 ${memberName}。`);
    } catch (err) {
      onFailed(errorMessage(err));
    }
  };

  const version = team.rules.currentVersion;
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`队员（${team.members.length} 人）`}
      </Html>
      <Html tag='ul' className='gz-list gz-members' aria-labelledby={titleId}>
        {team.members.map((m) => (
          <Html tag='li' className='gz-member' key={m.id}>
            <Html tag='p' className='gz-item-title'>
              {m.name}
              {m.isLeader ? '（队长）' : ''}
            </Html>
            <Html tag='p' className='gz-meta'>
              {version === null ? '' : m.acceptedCurrent ? `已确认第 ${version} 版规章` : '还没有确认现行规章'}
              <VisuallyHidden>，</VisuallyHidden>
              {m.hours.performance || m.hours.volunteer ? ` · 演出 ${hoursText(m.hours.performance)} · 志愿服务 ${hoursText(m.hours.volunteer)}` : ''}
              {m.phone ? ` · ${m.phone}` : ''}
            </Html>
            {leader && !m.isLeader ? (
              <Button inline variant='danger' onClick={() => void remove(m.id, m.name)} accessibleName={`移除队员 ${m.name}`}>
                移除
              </Button>
            ) : null}
          </Html>
        ))}
      </Html>
      {leader ? (
        <Form onSubmit={() => void add()} aria-labelledby={`${formId}-title`}>
          <Html tag='h3' className='gz-h3' id={`${formId}-title`}>
            添加队员
          </Html>
          <TextField id={`${formId}-name`} label='队员姓名' value={name} onChange={setName} maxLength={20} error={errors.name} />
          <TextField id={`${formId}-phone`} label='队员电话' optional kind='tel' value={phone} onChange={setPhone} maxLength={20} error={errors.phone} />
          <Checkbox id={`${formId}-consent`} label='本人同意登记姓名和电话' checked={consent} onChange={setConsent} error={errors.consent} />
          <Button type='submit' loading={sending}>
            添加
          </Button>
        </Form>
      ) : null}
      {dialog}
    </Html>
  );
}
