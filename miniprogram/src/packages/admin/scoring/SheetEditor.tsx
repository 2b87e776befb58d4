import { useState } from 'react';
import { PutSheetCategoryBody, SheetRulesBody, scoringApi, type ScoringPeriod } from '@shared/api/scoring';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { starWord } from '../../../components/scoring/scoringText';
import { Button, Checkbox, Form, Html, SelectField, TextField, useConfirm, useUniqueId } from '../../../components/ui';

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

type Sheet = ScoringPeriod['sheet'];
interface VetoDraft {
  id: string;
  text: string;
  /** `unrated`, or the highest star as a digit (1–4). */
  effect: string;
}
interface BonusDraft {
  id: string;
  text: string;
  points: string;
}
type VetoEffectChoice = 'unrated' | '1' | '2' | '3' | '4';
const VETO_EFFECTS: ReadonlyArray<{ value: VetoEffectChoice; label: string }> = [
  { value: 'unrated', label: '不予评星' },
  ...([4, 3, 2, 1] as const).map((n) => ({ value: String(n) as VetoEffectChoice, label: `最高评为${starWord(n)}` })),
];
const STAR_CAPS = ([4, 3, 2, 1] as const).map((n) => ({ value: String(n) as '1' | '2' | '3' | '4', label: starWord(n) }));

const vetoDrafts = (s: Sheet): VetoDraft[] => s.vetoItems.map((v) => ({ id: v.id, text: v.text, effect: v.effect.kind === 'unrated' ? 'unrated' : String(v.effect.maxStar) }));
const bonusDrafts = (s: Sheet): BonusDraft[] => s.bonusItems.map((b) => ({ id: b.id, text: b.text, points: String(b.points) }));

/**
 * Everything around the criteria, edited and saved in one go with the version read: the veto items (一票否决) and
 * what each does (the branch is not rated, or its star is capped), the bonus items (加分项) with their points and the
 * most they add together (a total may pass 100), the star thresholds, and the caps (residents' satisfaction below a
 * share caps the star; ★★★★★ only with a bonus item). Taking out an item the sheet has is asked first.
 */
export function RulesEditor({ period, onChanged, onFailed }: SheetProps) {
  const s = period.sheet;
  const [vetoes, setVetoes] = useState<VetoDraft[]>(() => vetoDrafts(s));
  const [bonuses, setBonuses] = useState<BonusDraft[]>(() => bonusDrafts(s));
  const [t, setT] = useState({ star2: String(s.thresholds.star2), star3: String(s.thresholds.star3), star4: String(s.thresholds.star4), star5: String(s.thresholds.star5) });
  const [bonusCap, setBonusCap] = useState(String(s.bonusCap));
  const [fiveNeedsBonus, setFive] = useState(s.caps.fiveStarNeedsBonus);
  const sat = s.caps.satisfaction;
  const [satOn, setSatOn] = useState(Boolean(sat));
  const [satBelow, setSatBelow] = useState(String(sat?.belowPercent ?? 60));
  const [satMax, setSatMax] = useState<string>(String(sat?.maxStar ?? 2));
  const [satMin, setSatMin] = useState(String(sat?.minRatings ?? 5));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('rules-form');
  const vetoTitle = useUniqueId('rules-vetoes');
  const bonusTitle = useUniqueId('rules-bonuses');
  const starsTitle = useUniqueId('rules-stars');

  const setVeto = (i: number, v: Partial<VetoDraft>) => setVetoes(vetoes.map((x, j) => (j === i ? { ...x, ...v } : x)));
  const setBonus = (i: number, b: Partial<BonusDraft>) => setBonuses(bonuses.map((x, j) => (j === i ? { ...x, ...b } : x)));
  /** An item the saved sheet has is asked about first; a row just added and left empty goes at once. */
  const removeItem = async (kind: '否决项' | '加分项', item: { id: string; text: string }, n: number, drop: () => void) => {
    const saved = kind === '否决项' ? s.vetoItems.some((v) => v.id === item.id) : s.bonusItems.some((b) => b.id === item.id);
    if (saved || item.text.trim()) {
      const ok = await confirm({
        title: `删去${kind} ${n} 吗？`,
        content: `「${item.text.trim() || `${kind} ${n}`}」会在保存后从考评表中删除${saved ? '，已选它的支部自评也不再计算它' : ''}。`,
        confirmText: '删去',
        cancelText: '不删',
        destructive: true,
      });
      if (!ok) return;
    }
    drop();
  };

  const save = async () => {
    if (sending) return;
    const parsed = SheetRulesBody.safeParse({
      vetoItems: vetoes.map((v) => ({ id: v.id, text: v.text, effect: v.effect === 'unrated' ? { kind: 'unrated' } : { kind: 'cap', maxStar: Number(v.effect) } })),
      bonusItems: bonuses.map((b) => ({ id: b.id, text: b.text, points: num(b.points) })),
      bonusCap: num(bonusCap),
      thresholds: { star2: num(t.star2), star3: num(t.star3), star4: num(t.star4), star5: num(t.star5) },
      caps: {
        ...(satOn ? { satisfaction: { belowPercent: num(satBelow), maxStar: Number(satMax), minRatings: num(satMin) } } : {}),
        fiveStarNeedsBonus: fiveNeedsBonus,
      },
      version: period.version,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return onFailed('有几处需要修改，请看标出的地方。');
    }
    setErrors({});
    setSending(true);
    try {
      onChanged(await staffCall(scoringApi.putScoringSheetRules, { params: { id: period.id }, body: parsed.data }), '已保存否决项、加分项和星级规则。');
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
        修改否决项、加分项和星级规则
      </Html>

      <Html tag='section' className='gz-category' aria-labelledby={vetoTitle}>
        <Html tag='h3' className='gz-h3' id={vetoTitle}>
          {`一票否决项（${vetoes.length} 个）`}
        </Html>
        <Html tag='p' className='gz-text gz-muted'>
          支部有下列情况之一的，不予评星，或星级最高只能评到所选的一级。
        </Html>
        {vetoes.map((v, i) => (
          <Html tag='div' className='gz-block' key={v.id}>
            <TextField id={`veto-${v.id}-text`} label={`否决项 ${i + 1}`} value={v.text} onChange={(text) => setVeto(i, { text })} maxLength={60} error={errors[`vetoItems.${i}.text`]} />
            <SelectField
              id={`veto-${v.id}-effect`}
              label={`否决项 ${i + 1} 的后果`}
              value={v.effect as VetoEffectChoice}
              options={VETO_EFFECTS}
              onChange={(effect) => effect && setVeto(i, { effect })}
              error={errors[`vetoItems.${i}.effect`] ?? errors[`vetoItems.${i}.effect.maxStar`]}
            />
            <Button inline variant='plain' onClick={() => void removeItem('否决项', v, i + 1, () => setVetoes(vetoes.filter((_, j) => j !== i)))}>
              {`删去否决项 ${i + 1}`}
            </Button>
          </Html>
        ))}
        {errors.vetoItems ? (
          <Html tag='p' className='gz-error'>
            {errors.vetoItems}
          </Html>
        ) : null}
        {vetoes.length < 10 ? (
          <Button inline onClick={() => setVetoes([...vetoes, { id: newId('v'), text: '', effect: 'unrated' }])}>
            加一个否决项
          </Button>
        ) : null}
      </Html>

      <Html tag='section' className='gz-category' aria-labelledby={bonusTitle}>
        <Html tag='h3' className='gz-h3' id={bonusTitle}>
          {`加分项（${bonuses.length} 个）`}
        </Html>
        <Html tag='p' className='gz-text gz-muted'>
          支部申报并附佐证、经工作小组认可后加分，总分可以超过 100 分；各项加起来最多加到“加分上限”。
        </Html>
        {bonuses.map((b, i) => (
          <Html tag='div' className='gz-block' key={b.id}>
            <TextField id={`bonus-${b.id}-text`} label={`加分项 ${i + 1}`} value={b.text} onChange={(text) => setBonus(i, { text })} maxLength={60} error={errors[`bonusItems.${i}.text`]} />
            <TextField id={`bonus-${b.id}-points`} label={`加分项 ${i + 1} 加几分`} value={b.points} onChange={(points) => setBonus(i, { points })} maxLength={2} error={errors[`bonusItems.${i}.points`]} />
            <Button inline variant='plain' onClick={() => void removeItem('加分项', b, i + 1, () => setBonuses(bonuses.filter((_, j) => j !== i)))}>
              {`删去加分项 ${i + 1}`}
            </Button>
          </Html>
        ))}
        {errors.bonusItems ? (
          <Html tag='p' className='gz-error'>
            {errors.bonusItems}
          </Html>
        ) : null}
        {bonuses.length < 10 ? (
          <Button inline onClick={() => setBonuses([...bonuses, { id: newId('b'), text: '', points: '' }])}>
            加一个加分项
          </Button>
        ) : null}
        <TextField id='rules-bonus-cap' label='加分上限（分）' value={bonusCap} onChange={setBonusCap} maxLength={2} error={errors.bonusCap} />
      </Html>

      <Html tag='section' className='gz-category' aria-labelledby={starsTitle}>
        <Html tag='h3' className='gz-h3' id={starsTitle}>
          星级分数线和封顶
        </Html>
        {([5, 4, 3, 2] as const).map((n) => (
          <TextField
            key={n}
            id={`rules-star${n}`}
            label={`${starWord(n)}最低分`}
            value={t[`star${n}`]}
            onChange={(v) => setT({ ...t, [`star${n}`]: v })}
            maxLength={3}
            error={errors[`thresholds.star${n}`] ?? (n === 5 ? errors.thresholds : undefined)}
          />
        ))}
        <Checkbox id='rules-five' label='评五星须有加分项' checked={fiveNeedsBonus} onChange={setFive} />
        <Checkbox id='rules-satisfaction' switch label='居民满意度偏低时封顶星级' checked={satOn} onChange={setSatOn} hint='满意度来自本支部在评定期内办结的居民反馈的评价。' />
        {satOn ? (
          <>
            <TextField id='rules-sat-below' label='满意度低于（%）' value={satBelow} onChange={setSatBelow} maxLength={3} error={errors['caps.satisfaction.belowPercent']} />
            <SelectField
              id='rules-sat-max'
              label='最高评为'
              value={satMax as '1' | '2' | '3' | '4'}
              options={STAR_CAPS}
              onChange={(v) => v && setSatMax(v)}
              error={errors['caps.satisfaction.maxStar']}
            />
            <TextField
              id='rules-sat-min'
              label='至少有几次居民评价才封顶'
              value={satMin}
              onChange={setSatMin}
              maxLength={4}
              error={errors['caps.satisfaction.minRatings']}
              hint='评价太少说明不了问题，不据此封顶。'
            />
          </>
        ) : null}
      </Html>
      <Button type='submit' variant='primary' loading={sending}>
        保存否决项、加分项和星级规则
      </Button>
      {dialog}
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
