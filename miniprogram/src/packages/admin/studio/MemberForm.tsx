import { useRef, useState } from 'react';
import { StudioMemberBody, UpdateStudioMemberBody, scoringApi, type StudioMember } from '@shared/api/scoring';
import type { z } from 'zod';
import { ApiError, RetryKey, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { Button, Form, Html, SelectField, TextField, useUniqueId } from '../../../components/ui';
import { useAccounts } from './useAccounts';

type Member = z.infer<typeof StudioMember>;

const fields = StudioMemberBody.shape;
const MAX = {
  name: fields.name.maxLength ?? undefined,
  formerPost: fields.formerPost.unwrap().maxLength ?? undefined,
  health: fields.health.unwrap().maxLength ?? undefined,
  strengths: fields.strengths.maxLength ?? undefined,
};

/**
 * An old secretary's details: put on the studio's list (`member` absent) or changed (the whole form, with the
 * version read). Their account is picked by name among the community's red stewards and old secretaries (or left
 * unlinked: many have none); picking one fills an empty name. A colleague's save in between is never overwritten.
 */
export function MemberForm({ member, onSaved, onStale, onCancel }: { member?: Member; onSaved: (m: Member) => void; onStale: () => void; onCancel: () => void }) {
  const [name, setName] = useState(member?.name ?? '');
  const [formerPost, setFormerPost] = useState(member?.formerPost ?? '');
  const [health, setHealth] = useState(member?.health ?? '');
  const [strengths, setStrengths] = useState(member?.strengths ?? '');
  const [userId, setUserId] = useState(member?.userId ?? '');
  const accounts = useAccounts();
  // an account linked earlier that is not on the list (a resident's): kept as a choice, so saving does not unlink it
  const accountOptions = [
    ...(accounts ?? []).map((a) => ({ value: a.id, label: a.name })),
    ...(member?.userId && accounts && !accounts.some((a) => a.id === member.userId) ? [{ value: member.userId, label: `${member.name}（已关联的账号）` }] : []),
  ];
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const retryKey = useRef(new RetryKey());
  const titleId = useUniqueId('member-form-title');
  const idp = useUniqueId('member');
  const title = member ? `修改 ${member.name} 的信息` : '添加老书记';

  const save = async () => {
    if (sending) return;
    setError(undefined);
    const values = {
      name,
      formerPost: formerPost.trim() || undefined,
      health: health.trim() || undefined,
      strengths,
      ...(userId ? { userId } : {}),
    };
    const parsed = member ? UpdateStudioMemberBody.safeParse({ ...values, version: member.version }) : StudioMemberBody.safeParse(values);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const saved = member
        ? await staffCall(scoringApi.updateStudioMember, { params: { id: member.id }, body: parsed.data as z.infer<typeof UpdateStudioMemberBody> })
        : await staffCall(scoringApi.addStudioMember, { body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      onSaved(saved);
    } catch (err) {
      if (member && err instanceof ApiError && err.status === 409) return onStale();
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        {title}
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <TextField id={`${idp}-name`} label='姓名' value={name} onChange={setName} maxLength={MAX.name} error={errors.name} />
      {accountOptions.length ? (
        <SelectField
          id={`${idp}-account`}
          label='关联账号'
          hint='老书记用红色小管家或老书记的账号登录时，选择其姓名'
          value={userId}
          options={accountOptions}
          onChange={(v) => {
            setUserId(v);
            const picked = accounts?.find((a) => a.id === v);
            if (picked && !name.trim()) setName(picked.name);
          }}
          emptyLabel='不关联账号'
          optional
          error={errors.userId}
        />
      ) : null}
      <TextField
        id={`${idp}-post`}
        label='曾任职务'
        optional
        placeholder='例如：原青年新苑第一党支部书记'
        value={formerPost}
        onChange={setFormerPost}
        maxLength={MAX.formerPost}
        error={errors.formerPost}
      />
      <TextField
        id={`${idp}-health`}
        label='健康状况'
        optional
        multiline
        hint='只有社区工作人员能看到，用来判断适合承担哪些工作'
        value={health}
        onChange={setHealth}
        maxLength={MAX.health}
        error={errors.health}
      />
      <TextField
        id={`${idp}-strengths`}
        label='工作特点和专长'
        multiline
        placeholder='例如：调解邻里纠纷、政策宣讲、讲党课'
        value={strengths}
        onChange={setStrengths}
        maxLength={MAX.strengths}
        error={errors.strengths}
      />
      <Button type='submit' variant='primary' loading={sending}>
        {member ? '保存' : '加入名单'}
      </Button>
      <Button variant='plain' onClick={onCancel}>
        取消
      </Button>
    </Form>
  );
}
