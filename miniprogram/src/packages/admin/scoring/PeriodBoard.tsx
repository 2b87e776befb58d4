import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ScoringPeriod } from '@shared/api/scoring';
import { PERIOD_STATUS_LABELS, branchesEditable, secretariesEditable, workingGroupEditable } from '@shared/scoring/status';
import { UpdatePeriodBody, scoringApi } from '@shared/api/scoring';
import type { z } from 'zod';
import type { PeriodBoard as PeriodBoardSchema } from '@shared/api/scoring';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { saveTextFile } from '../../../api/saveFile';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { assessmentStatusText, dayText, periodStatusText, reviewsText, scoreText } from '../../../components/scoring/scoringText';
import '../../../components/scoring/scoring.css';
import {
  Button,
  Checkbox,
  DataTable,
  Facts,
  Form,
  Html,
  MultiChoiceGroup,
  SelectField,
  TextField,
  useConfirm,
  useUniqueId,
  type DataColumn,
} from '../../../components/ui';
import { identityApi } from '@shared/api/identity';

type Row = z.infer<typeof PeriodBoardSchema>['items'][number];
type Outcome = { kind: 'ok' | 'error'; text: string };

const failText = (err: unknown) =>
  err instanceof ApiError && Object.keys(err.fieldErrors).length ? `${errorMessage(err)}：${Object.values(err.fieldErrors).join('；')}` : errorMessage(err);

const selfText = (r: Row) => (r.proposed ? `${assessmentStatusText(r.status)} ${scoreText(r.proposed)}` : assessmentStatusText(r.status));
const COLUMNS: DataColumn<Row>[] = [
  { label: '党支部', cell: (r) => r.branch.name },
  { label: '自评荐星', cell: selfText },
  { label: '复核', cell: (r) => reviewsText(r.reviews), short: true },
  { label: '最终星级', cell: (r) => (r.result ? scoreText(r.result) : '未定') },
  {
    label: '整改',
    cell: (r) =>
      r.rectification.problems ? `${r.rectification.done}/${r.rectification.measures} 完成${r.rectification.overdue ? `，${r.rectification.overdue} 逾期` : ''}` : '无问题',
  },
  {
    label: '记录',
    short: true,
    cell: (r) => (
      <Button inline variant='plain' accessibleName={`查看，${r.branch.name}`} onClick={() => void Taro.navigateTo({ url: `/packages/admin/scoring-branch/index?id=${r.assessmentId}` })}>
        查看
      </Button>
    ),
  },
];

/**
 * One evaluation period for the committee: where it stands and the one move that can come next (with what it
 * needs), the board of its branches (self-assessment, "2/3 已复核", stars, rectification), who is secretary of each
 * branch and who is in the working group (with the codes to hand out), key tasks, and the results as CSV.
 */
export function PeriodBoard({ id, headingLevel = 1, onChanged, footer }: { id: string; headingLevel?: 1 | 2; onChanged?: () => void; footer?: ReactNode }) {
  const [period, setPeriod] = useState<ScoringPeriod | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [moving, setMoving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [dialog, confirm] = useConfirm();
  const boardId = useUniqueId('board-title');

  const load = useCallback(async () => {
    if (!id) return setError('没有指定评定周期');
    setError(undefined);
    try {
      const [p, b] = await Promise.all([staffCall(scoringApi.getScoringPeriod, { params: { id } }), staffCall(scoringApi.getScoringPeriodBoard, { params: { id } })]);
      setPeriod(p);
      setRows(b.items);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!period || !rows) return <LoadingState />;

  const changed = (p: ScoringPeriod, text: string) => {
    setPeriod(p);
    setOutcome({ kind: 'ok', text });
    onChanged?.();
    void load();
  };
  const failed = (text: string) => setOutcome({ kind: 'error', text });

  const move = async () => {
    const next = period.next;
    if (!next) return;
    const ok = await confirm({
      title: `进入「${PERIOD_STATUS_LABELS[next.to]}」阶段吗？`,
      content: `需要：${next.needs}。进入后不能退回上一阶段。`,
      confirmText: '确定',
      cancelText: '取消',
    });
    if (!ok) return;
    setMoving(true);
    try {
      changed(await staffCall(scoringApi.moveScoringPeriod, { params: { id }, body: { to: next.to, version: period.version } }), `已进入「${PERIOD_STATUS_LABELS[next.to]}」阶段。`);
    } catch (err) {
      failed(failText(err));
    } finally {
      setMoving(false);
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    setOutcome(undefined);
    try {
      const file = await staffCall(scoringApi.exportScoringResults, { params: { id } });
      const how = await saveTextFile(file.filename, file.csv);
      setOutcome({ kind: 'ok', text: how === 'downloaded' ? `已下载「${file.filename}」，可以用 Excel 打开。` : `已生成「${file.filename}」。` });
    } catch (err) {
      if (err && typeof err === 'object' && 'errMsg' in err && String(err.errMsg).includes('cancel')) return;
      failed(`导出没有成功：${errorMessage(err)}`);
    } finally {
      setExporting(false);
    }
  };

  const H = headingLevel === 1 ? 'h1' : 'h2';
  const sub = headingLevel === 1 ? 'h2' : 'h3';
  const rated = rows.filter((r) => r.result).length;

  return (
    <>
      <Html tag={H} className={headingLevel === 1 ? 'gz-h1' : 'gz-h2'}>
        {period.name}
      </Html>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
      <Facts
        rows={[
          ['阶段', periodStatusText(period.status)],
          ['考评时段', `${dayText(period.startDate)}至${dayText(period.endDate)}`],
          ['参评党支部', `${period.branchCount} 个，已定星 ${rated} 个`],
          period.announcement ? ['公示', `${dayText(period.announcement.startsAt)}至${dayText(period.announcement.endsAt)}`] : false,
          period.copiedFrom ? ['考评表', `沿用「${period.copiedFrom.name}」`] : ['考评表', `满分 ${period.maxBasePoints} 分，${period.sheet.categories.length} 个类别`],
        ]}
      />
      {period.next ? (
        <Html tag='div' className='gz-block'>
          <Html tag='p' className='gz-text'>
            {`下一步：${PERIOD_STATUS_LABELS[period.next.to]}（需要：${period.next.needs}）`}
          </Html>
          <Button variant='primary' loading={moving} onClick={() => void move()}>
            {`进入「${PERIOD_STATUS_LABELS[period.next.to]}」`}
          </Button>
        </Html>
      ) : null}
      <Html tag='div' className='gz-button-row'>
        <Button inline variant='plain' onClick={() => void Taro.navigateTo({ url: `/packages/admin/scoring-sheet/index?id=${period.id}` })}>
          {period.status === 'setup' ? '查看和修改考评表' : '查看考评表'}
        </Button>
        <Button inline variant='plain' loading={exporting} onClick={() => void exportCsv()}>
          {exporting ? '正在导出…' : '导出结果 CSV'}
        </Button>
      </Html>

      <Html tag={sub} className={headingLevel === 1 ? 'gz-h2' : 'gz-h3'} id={boardId}>
        {`各党支部进度（${rows.length} 个）`}
      </Html>
      <DataTable columns={COLUMNS} rows={rows} rowKey={(r) => r.assessmentId} labelledBy={boardId} />

      {branchesEditable(period.status) ? <EditPeriod period={period} onChanged={changed} onFailed={failed} /> : null}
      <Assignments period={period} onChanged={changed} onFailed={failed} level={sub} />
      {secretariesEditable(period.status) ? <AssignSecretary period={period} onChanged={changed} onFailed={failed} /> : null}
      {workingGroupEditable(period.status) ? <AddMember period={period} onChanged={changed} onFailed={failed} /> : null}
      {period.status !== 'final' ? <CreateTasks period={period} onDone={(n) => { setOutcome({ kind: 'ok', text: `已下达重点任务给 ${n} 个党支部。` }); void load(); }} onFailed={failed} /> : null}
      {footer}
      {dialog}
    </>
  );
}

interface EditProps {
  period: ScoringPeriod;
  onChanged: (p: ScoringPeriod, text: string) => void;
  onFailed: (text: string) => void;
}

const claimText = (a: { claimed: boolean; claimCode?: string; userId?: string }) =>
  a.claimed || a.userId ? '已认领' : a.claimCode ? `认领码 ${a.claimCode}` : '待认领';

/** Who is secretary of each branch, and the working group, with the codes to hand out. */
function Assignments({ period, level, onChanged, onFailed }: EditProps & { level: 'h2' | 'h3' }) {
  const secId = useUniqueId('secretaries');
  const groupId = useUniqueId('group');
  const names = new Map(period.branches.map((b) => [b.id, b.name]));
  const cls = level === 'h2' ? 'gz-h2' : 'gz-h3';
  return (
    <>
      <Html tag={level} className={cls} id={secId}>
        支部书记
      </Html>
      <Html tag='ul' className='gz-list' aria-labelledby={secId}>
        {period.branches.map((b) => (
          <Html tag='li' className='gz-measure' key={b.id}>
            <Html tag='p' className='gz-text'>
              {`${b.name}：${b.secretary ? `${b.secretary.name}（${claimText(b.secretary)}）` : '未指定'}`}
            </Html>
          </Html>
        ))}
      </Html>
      <Html tag={level} className={cls} id={groupId}>
        {`创评工作小组（${period.workingGroup.length} 人）`}
      </Html>
      {period.workingGroup.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={groupId}>
          {period.workingGroup.map((m) => (
            <Html tag='li' className='gz-measure' key={m.id}>
              <Html tag='p' className='gz-text'>
                {`${m.name}${m.lead ? '（组长）' : ''}：${claimText(m)}`}
              </Html>
              <Html tag='p' className='gz-meta'>
                {m.branchIds.length ? `复核：${m.branchIds.map((b) => names.get(b) ?? b).join('、')}` : '不复核具体支部'}
              </Html>
              {workingGroupEditable(period.status) ? <EditMember period={period} member={m} onChanged={onChanged} onFailed={onFailed} /> : null}
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有工作小组成员。
        </Html>
      )}
    </>
  );
}

/** Community lists the forms pick from (the branches, the red stewards), read once per page. */
let lists: Promise<{ branches: { id: string; name: string }[]; stewards: { id: string; name: string }[] }> | undefined;
const communityLists = () =>
  (lists ??= Promise.all([staffCall(identityApi.listBranches), staffCall(identityApi.listStewards)]).then(
    ([b, s]) => ({ branches: b.items, stewards: s.items }),
    (err) => {
      lists = undefined;
      throw err;
    },
  ));
const useCommunityLists = () => {
  const [got, setGot] = useState<{ branches: { id: string; name: string }[]; stewards: { id: string; name: string }[] } | null>(null);
  useEffect(() => {
    communityLists().then(setGot, () => setGot({ branches: [], stewards: [] }));
  }, []);
  return got;
};

/** In setup: the period's name, dates, announcement days and the branches taking part. */
function EditPeriod({ period, onChanged, onFailed }: EditProps) {
  const community = useCommunityLists();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(period.name);
  const [startDate, setStart] = useState(period.startDate);
  const [endDate, setEnd] = useState(period.endDate);
  const [days, setDays] = useState(String(period.announcementDays));
  const [branchIds, setBranchIds] = useState<string[]>(period.branches.map((b) => b.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('edit-period');
  const options = (community?.branches.length ? community.branches : period.branches).map((b) => ({ value: b.id, label: b.name }));

  const save = async () => {
    if (sending) return;
    const parsed = UpdatePeriodBody.safeParse({ name, startDate: startDate.trim(), endDate: endDate.trim(), announcementDays: days.trim() ? Number(days) : undefined, branchIds, version: period.version });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      onChanged(await staffCall(scoringApi.updateScoringPeriod, { params: { id: period.id }, body: parsed.data }), '已保存周期信息。');
      setOpen(false);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };

  if (!open)
    return (
      <Button inline expanded={false} onClick={() => setOpen(true)}>
        修改周期信息和参评党支部
      </Button>
    );
  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        修改周期信息和参评党支部
      </Html>
      <TextField id='edit-period-name' label='周期名称' value={name} onChange={setName} maxLength={30} error={errors.name} />
      <TextField id='edit-period-start' label='开始日期' value={startDate} onChange={setStart} maxLength={10} error={errors.startDate} />
      <TextField id='edit-period-end' label='结束日期' value={endDate} onChange={setEnd} maxLength={10} error={errors.endDate} />
      <TextField id='edit-period-days' label='公示天数' value={days} onChange={setDays} maxLength={2} error={errors.announcementDays} />
      <MultiChoiceGroup id='edit-period-branches' legend='参评党支部' options={options} value={branchIds} onChange={setBranchIds} error={errors.branchIds} />
      <Button type='submit' variant='primary' loading={sending}>
        保存
      </Button>
      <Button variant='plain' onClick={() => setOpen(false)}>
        取消
      </Button>
    </Form>
  );
}

type Member = ScoringPeriod['workingGroup'][number];
const memberBody = (m: Member) => ({ id: m.id, name: m.name, ...(m.userId ? { userId: m.userId } : {}), branchIds: m.branchIds, lead: m.lead });

/** One member of the working group: the branches they review, whether they lead, or taken out (asked first). */
function EditMember({ period, member: m, onChanged, onFailed }: EditProps & { member: Member }) {
  const [open, setOpen] = useState(false);
  const [branchIds, setBranchIds] = useState<string[]>(m.branchIds);
  const [lead, setLead] = useState(m.lead);
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const id = `member-${m.id}`;
  const options = period.branches.map((b) => ({ value: b.id, label: b.name }));

  const send = async (members: ReturnType<typeof memberBody>[], text: string) => {
    setSending(true);
    try {
      onChanged(await staffCall(scoringApi.setScoringWorkingGroup, { params: { id: period.id }, body: { members, version: period.version } }), text);
      setOpen(false);
    } catch (err) {
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };
  const save = () =>
    void send(
      period.workingGroup.map((x) => (x.id === m.id ? { ...memberBody(x), branchIds, lead } : { ...memberBody(x), lead: lead ? false : x.lead })),
      `已更新 ${m.name} 的复核安排。`,
    );
  const remove = async () => {
    const ok = await confirm({
      title: `把 ${m.name} 移出工作小组吗？`,
      content: '移出后，TA 的认领码作废，已做的复核不再计入。',
      confirmText: '移出',
      cancelText: '不移出',
      destructive: true,
    });
    if (!ok) return;
    await send(period.workingGroup.filter((x) => x.id !== m.id).map(memberBody), `已把 ${m.name} 移出工作小组。`);
  };

  if (!open)
    return (
      <Html tag='div' className='gz-button-row'>
        <Button inline expanded={false} accessibleName={`修改，${m.name}`} onClick={() => setOpen(true)}>
          修改
        </Button>
        {m.lead ? null : (
          <Button inline variant='danger' accessibleName={`移出，${m.name}`} onClick={() => void remove()}>
            移出
          </Button>
        )}
        {dialog}
      </Html>
    );
  return (
    <Form onSubmit={save} aria-labelledby={`${id}-h`}>
      <Html tag='h4' className='gz-h3' id={`${id}-h`}>
        {`修改 ${m.name} 的复核安排`}
      </Html>
      <MultiChoiceGroup id={`${id}-branches`} legend='复核哪些党支部' options={options} value={branchIds} onChange={setBranchIds} />
      {m.lead ? null : <Checkbox id={`${id}-lead`} label='改为组长（原组长改为成员）' checked={lead} onChange={setLead} />}
      <Button type='submit' variant='primary' loading={sending}>
        保存
      </Button>
      <Button variant='plain' onClick={() => setOpen(false)}>
        取消
      </Button>
    </Form>
  );
}

/** The committee names a branch's secretary: the person gets a code to claim it in the mini-program. */
function AssignSecretary({ period, onChanged, onFailed }: EditProps) {
  const community = useCommunityLists();
  const [branchId, setBranch] = useState('');
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('assign-title');
  const options = period.branches.map((b) => ({ value: b.id, label: b.name }));

  const assign = async () => {
    if (sending) return;
    if (!branchId) return setErrors({ branchId: '请选择党支部' });
    if (!name.trim()) return setErrors({ name: '请填写书记姓名' });
    setErrors({});
    setSending(true);
    try {
      const p = await staffCall(scoringApi.assignScoringSecretary, { params: { id: period.id }, body: { branchId, name, ...(userId ? { userId } : {}), version: period.version } });
      const code = p.branches.find((b) => b.id === branchId)?.secretary?.claimCode;
      onChanged(p, `已指定 ${name} 为支部书记${code ? `，认领码 ${code}，请交给本人在小程序“支部创评”里输入` : ''}。`);
      setName('');
      setUserId('');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void assign()} aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        指定支部书记
      </Html>
      <SelectField id='assign-branch' label='党支部' value={branchId} options={options} onChange={(v) => setBranch(v)} emptyLabel='请选择' error={errors.branchId} />
      <TextField id='assign-name' label='书记姓名' value={name} onChange={setName} maxLength={20} error={errors.name} />
      {community?.stewards.length ? (
        <SelectField
          id='assign-account'
          label='书记是红色小管家时，直接关联其账号'
          value={userId}
          options={community.stewards.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(v) => {
            setUserId(v);
            const picked = community.stewards.find((x) => x.id === v);
            if (picked && !name.trim()) setName(picked.name);
          }}
          emptyLabel='不关联，生成认领码'
          optional
          error={errors.userId}
        />
      ) : null}
      <Button type='submit' loading={sending}>
        {userId ? '指定' : '指定并生成认领码'}
      </Button>
    </Form>
  );
}

/** Adds a member to the working group (the whole group is sent, the others as they are). */
function AddMember({ period, onChanged, onFailed }: EditProps) {
  const [name, setName] = useState('');
  const [branchIds, setBranchIds] = useState<string[]>([]);
  const [lead, setLead] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('member-title');
  const options = period.branches.map((b) => ({ value: b.id, label: b.name }));

  const add = async () => {
    if (sending) return;
    if (!name.trim()) return setErrors({ name: '请填写成员姓名' });
    setErrors({});
    const members = [
      ...period.workingGroup.map((m) => ({ id: m.id, name: m.name, ...(m.userId ? { userId: m.userId } : {}), branchIds: m.branchIds, lead: lead ? false : m.lead })),
      { name, branchIds, lead: lead || period.workingGroup.every((m) => !m.lead) },
    ];
    setSending(true);
    try {
      const p = await staffCall(scoringApi.setScoringWorkingGroup, { params: { id: period.id }, body: { members, version: period.version } });
      const added = p.workingGroup.find((m) => !period.workingGroup.some((o) => o.id === m.id));
      onChanged(p, `已加入 ${name}${added?.claimCode ? `，认领码 ${added.claimCode}` : ''}。`);
      setName('');
      setBranchIds([]);
      setLead(false);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void add()} aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        加入工作小组成员
      </Html>
      <TextField id='member-name' label='成员姓名' value={name} onChange={setName} maxLength={20} error={errors.name} />
      <MultiChoiceGroup id='member-branches' legend='复核哪些党支部' options={options} value={branchIds} onChange={setBranchIds} />
      <Checkbox id='member-lead' label='担任组长（确定各支部最终星级）' checked={lead} onChange={setLead} />
      <Button type='submit' loading={sending}>
        加入并生成认领码
      </Button>
    </Form>
  );
}

/** Hands key tasks (重点工作任务) to branches: one task each. */
function CreateTasks({ period, onDone, onFailed }: { period: ScoringPeriod; onDone: (n: number) => void; onFailed: (t: string) => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [branchIds, setBranchIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('tasks-title');
  const options = period.branches.map((b) => ({ value: b.id, label: b.name }));

  const create = async () => {
    if (sending) return;
    const body = { branchIds, title, ...(description.trim() ? { description } : {}) };
    if (!title.trim()) return setErrors({ title: '请填写任务名称' });
    if (!branchIds.length) return setErrors({ branchIds: '请至少选择一个党支部' });
    setErrors({});
    setSending(true);
    try {
      const r = await staffCall(scoringApi.createScoringKeyTasks, { params: { id: period.id }, body });
      setTitle('');
      setDescription('');
      setBranchIds([]);
      onDone(r.items.length);
    } catch (err) {
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void create()} aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        下达重点工作任务
      </Html>
      <TextField id='task-title' label='任务名称' value={title} onChange={setTitle} maxLength={60} error={errors.title} />
      <TextField id='task-description' label='任务要求' optional multiline value={description} onChange={setDescription} maxLength={500} />
      <MultiChoiceGroup id='task-branches' legend='下达给哪些党支部' options={options} value={branchIds} onChange={setBranchIds} error={errors.branchIds} />
      <Button type='submit' loading={sending}>
        下达任务
      </Button>
    </Form>
  );
}
