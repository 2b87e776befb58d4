import { useState } from 'react';
import { PutSheetCategoryBody, SheetRulesBody, type ScoringPeriod, scoringApi } from '@shared/api/scoring';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { starText } from '../../../components/scoring/scoringText';
import { Button, Checkbox, Form, Html, TextField, useConfirm, useUniqueId } from '../../../components/ui';

type Category = ScoringPeriod['sheet']['categories'][number];
interface RuleDraft {
  id: string;
  text: string;
  points: string;
  maxTimes: string;
}
interface CriterionDraft {
  id: string;
  title: string;
  description: string;
  maxPoints: string;
  deductions: RuleDraft[];
}
interface CategoryDraft {
  id: string;
  name: string;
  residentsVoice: boolean;
  criteria: CriterionDraft[];
}

/** A short id the sheet accepts (lower-case letters and digits), new for each item added. */
let seq = 0;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++seq).toString(36)}`;

const draftOf = (c: Category | undefined): CategoryDraft =>
  c
    ? {
        id: c.id,
        name: c.name,
        residentsVoice: c.residentsVoice,
        criteria: c.criteria.map((k) => ({
          id: k.id,
          title: k.title,
          description: k.description ?? '',
          maxPoints: String(k.maxPoints),
          deductions: k.deductions.map((d) => ({ id: d.id, text: d.text, points: String(d.points), maxTimes: String(d.maxTimes) })),
        })),
      }
    : { id: newId('c'), name: '', residentsVoice: false, criteria: [{ id: newId('k'), title: '', description: '', maxPoints: '', deductions: [] }] };

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export interface SheetProps {
  period: ScoringPeriod;
  onChanged: (p: ScoringPeriod, text: string) => void;
  onFailed: (text: string) => void;
}

/**
 * One category of the sheet, edited whole: its name, and each criterion's title, standard, maximum and itemised
 * deductions (added and taken out here); saved in one go with the version read. Only while the period is in setup.
 */
export function CategoryEditor({ period, category, position, onChanged, onFailed, onClose }: SheetProps & { category?: Category; position?: number; onClose: () => void }) {
  const [d, setD] = useState<CategoryDraft>(() => draftOf(category));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('category-form');
  const e = (path: string) => errors[`category.${path}`];
  const setK = (i: number, k: Partial<CriterionDraft>) => setD({ ...d, criteria: d.criteria.map((x, j) => (j === i ? { ...x, ...k } : x)) });
  const setR = (i: number, r: number, rule: Partial<RuleDraft>) =>
    setK(i, { deductions: d.criteria[i]!.deductions.map((x, j) => (j === r ? { ...x, ...rule } : x)) });

  const save = async () => {
    if (sending) return;
    const body = {
      category: {
        id: d.id,
        name: d.name,
        residentsVoice: d.residentsVoice,
        criteria: d.criteria.map((k) => ({
          id: k.id,
          title: k.title,
          ...(k.description.trim() ? { description: k.description } : {}),
          maxPoints: num(k.maxPoints),
          deductions: k.deductions.map((r) => ({ id: r.id, text: r.text, points: num(r.points), maxTimes: num(r.maxTimes) ?? 1 })),
        })),
      },
      ...(position !== undefined ? { position } : {}),
      version: period.version,
    };
    const parsed = PutSheetCategoryBody.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      onChanged(await staffCall(scoringApi.putScoringSheetCategory, { params: { id: period.id }, body: parsed.data }), `已保存「${d.name}」。`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        {category ? `修改「${category.name}」` : '新增类别'}
      </Html>
      <TextField id={`${d.id}-name`} label='类别名称' value={d.name} onChange={(name) => setD({ ...d, name })} maxLength={20} error={e('name')} />
      <Checkbox id={`${d.id}-voice`} label='在这个类别旁显示本支部的居民反馈数据（服务群众）' checked={d.residentsVoice} onChange={(residentsVoice) => setD({ ...d, residentsVoice })} />
      {d.criteria.map((k, i) => (
        <Html tag='section' className='gz-criterion' key={k.id} aria-labelledby={`${k.id}-h`}>
          <Html tag='h4' className='gz-h3' id={`${k.id}-h`}>
            {`指标 ${i + 1}`}
          </Html>
          <TextField id={`${k.id}-title`} label='指标名称' value={k.title} onChange={(title) => setK(i, { title })} maxLength={60} error={e(`criteria.${i}.title`)} />
          <TextField id={`${k.id}-desc`} label='考评标准' optional multiline value={k.description} onChange={(description) => setK(i, { description })} maxLength={200} />
          <TextField id={`${k.id}-max`} label='满分' value={k.maxPoints} onChange={(maxPoints) => setK(i, { maxPoints })} maxLength={3} error={e(`criteria.${i}.maxPoints`)} />
          {k.deductions.map((r, j) => (
            <Html tag='div' className='gz-block' key={r.id}>
              <TextField id={`${r.id}-text`} label={`扣分项 ${j + 1}`} value={r.text} onChange={(text) => setR(i, j, { text })} maxLength={60} error={e(`criteria.${i}.deductions.${j}.text`)} />
              <TextField id={`${r.id}-points`} label={`扣分项 ${j + 1} 每次扣几分`} value={r.points} onChange={(points) => setR(i, j, { points })} maxLength={3} error={e(`criteria.${i}.deductions.${j}.points`)} />
              <TextField id={`${r.id}-times`} label={`扣分项 ${j + 1} 最多扣几次`} value={r.maxTimes} onChange={(maxTimes) => setR(i, j, { maxTimes })} maxLength={2} error={e(`criteria.${i}.deductions.${j}.maxTimes`)} />
              <Button inline variant='plain' accessibleName={`删去扣分项 ${j + 1}，指标 ${i + 1}`} onClick={() => setK(i, { deductions: k.deductions.filter((_, x) => x !== j) })}>
                删去扣分项
              </Button>
            </Html>
          ))}
          {e(`criteria.${i}.deductions`) ? (
            <Html tag='p' className='gz-error'>
              {e(`criteria.${i}.deductions`)}
            </Html>
          ) : null}
          <Html tag='div' className='gz-button-row'>
            {k.deductions.length < 8 ? (
              <Button inline accessibleName={`加一个扣分项，指标 ${i + 1}`} onClick={() => setK(i, { deductions: [...k.deductions, { id: newId('d'), text: '', points: '', maxTimes: '1' }] })}>
                加一个扣分项
              </Button>
            ) : null}
            {d.criteria.length > 1 ? (
              <Button inline variant='plain' accessibleName={`删去这个指标（指标 ${i + 1}）`} onClick={() => setD({ ...d, criteria: d.criteria.filter((_, x) => x !== i) })}>
                删去这个指标
              </Button>
            ) : null}
          </Html>
        </Html>
      ))}
      {e('criteria') ? (
        <Html tag='p' className='gz-error'>
          {e('criteria')}
        </Html>
      ) : null}
      {d.criteria.length < 10 ? (
        <Button onClick={() => setD({ ...d, criteria: [...d.criteria, { id: newId('k'), title: '', description: '', maxPoints: '', deductions: [] }] })}>加一个指标</Button>
      ) : null}
      <Button type='submit' variant='primary' loading={sending}>
        保存这个类别
      </Button>
      <Button variant='plain' onClick={onClose}>
        取消
      </Button>
    </Form>
  );
}

/** The thresholds, the bonus cap and whether five stars need a bonus item (the veto and bonus items are kept). */
export function RulesEditor({ period, onChanged, onFailed }: SheetProps) {
  const s = period.sheet;
  const [t, setT] = useState({ star2: String(s.thresholds.star2), star3: String(s.thresholds.star3), star4: String(s.thresholds.star4), star5: String(s.thresholds.star5) });
  const [bonusCap, setBonusCap] = useState(String(s.bonusCap));
  const [fiveNeedsBonus, setFive] = useState(s.caps.fiveStarNeedsBonus);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('rules-form');

  const save = async () => {
    if (sending) return;
    const parsed = SheetRulesBody.safeParse({
      vetoItems: s.vetoItems,
      bonusItems: s.bonusItems,
      bonusCap: num(bonusCap),
      thresholds: { star2: num(t.star2), star3: num(t.star3), star4: num(t.star4), star5: num(t.star5) },
      caps: { ...(s.caps.satisfaction ? { satisfaction: s.caps.satisfaction } : {}), fiveStarNeedsBonus: fiveNeedsBonus },
      version: period.version,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      onChanged(await staffCall(scoringApi.putScoringSheetRules, { params: { id: period.id }, body: parsed.data }), '已保存星级分数线。');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        星级分数线
      </Html>
      {([2, 3, 4, 5] as const).map((n) => (
        <TextField
          key={n}
          id={`rules-star${n}`}
          label={`${starText(n)}最低分`}
          value={t[`star${n}`]}
          onChange={(v) => setT({ ...t, [`star${n}`]: v })}
          maxLength={3}
          error={errors[`thresholds.star${n}`] ?? (n === 5 ? errors.thresholds : undefined)}
        />
      ))}
      <TextField id='rules-bonus-cap' label='加分上限' value={bonusCap} onChange={setBonusCap} maxLength={2} error={errors.bonusCap} />
      <Checkbox id='rules-five' label='评五星须有加分项' checked={fiveNeedsBonus} onChange={setFive} />
      <Button type='submit' loading={sending}>
        保存分数线
      </Button>
    </Form>
  );
}

/** Takes a category out of the sheet, asked first. */
export function RemoveCategory({ period, category, onChanged, onFailed }: SheetProps & { category: Category }) {
  const [dialog, confirm] = useConfirm();
  const remove = async () => {
    const ok = await confirm({
      title: `删除类别「${category.name}」吗？`,
      content: `它的 ${category.criteria.length} 个指标会一起从考评表中删除。`,
      confirmText: '删除',
      cancelText: '不删除',
      destructive: true,
    });
    if (!ok) return;
    try {
      onChanged(await staffCall(scoringApi.removeScoringSheetCategory, { params: { id: period.id }, body: { categoryId: category.id, version: period.version } }), `已删除「${category.name}」。`);
    } catch (err) {
      onFailed(errorMessage(err));
    }
  };
  return (
    <>
      <Button inline variant='danger' accessibleName={`删除类别「${category.name}」`} onClick={() => void remove()}>
        删除类别
      </Button>
      {dialog}
    </>
  );
}

export const SheetNotice = ({ outcome }: { outcome?: { kind: 'ok' | 'error'; text: string } }) => (outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null);
