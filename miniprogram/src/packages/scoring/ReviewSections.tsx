import { useState } from 'react';
import type { ScoringAssessment } from '@shared/api/scoring';
import { ApiError, call, errorMessage } from '../../api';
import { formatTime } from '../../components/format';
import { reviewsText, scoreText, starText, starWord } from '../../components/scoring/scoringText';
import { Button, Facts, Html, useConfirm, useUniqueId } from '../../components/ui';
import type { SectionProps } from './useAssessment';
import { scoringApi } from '@shared/api/scoring';

const failText = (err: unknown) =>
  err instanceof ApiError && Object.keys(err.fieldErrors).length ? `${errorMessage(err)}：${Object.values(err.fieldErrors).join('；')}` : errorMessage(err);

/** The secretary submits the self-assessment (asked first: it is fixed once sent). */
export function SubmitSelfSection({ assessment: a, onChanged, onFailed }: SectionProps) {
  const [dialog, confirm] = useConfirm();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('submit-title');
  const c = a.computed;
  const names = new Map(a.sheet.categories.flatMap((cat) => cat.criteria).map((k) => [k.id, k.title]));

  const submit = async () => {
    const ok = await confirm({
      title: '确定提交自评吗？',
      content: `提交后总分 ${c.total} 分、推荐${starWord(c.star)}就定下来了，不能再改；扣分的项目会列入问题清单。`,
      confirmText: '提交自评',
      cancelText: '再看看',
    });
    if (!ok) return;
    setSending(true);
    try {
      onChanged(await call(scoringApi.submitScoringSelfAssessment, { params: { id: a.id }, body: { version: a.version } }), '自评已提交。扣分的项目已列入问题清单，请添加整改措施。');
    } catch (err) {
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        提交自评荐星
      </Html>
      <Html tag='p' className='gz-text'>
        {c.complete
          ? `所有指标都已评分：总分 ${c.total} 分，推荐 ${starText(c.star)}。`
          : `还有 ${c.missing.length} 个指标没有保存评分：${c.missing.map((m) => names.get(m) ?? m).join('、')}。全部保存后才能提交。`}
      </Html>
      <Button variant='primary' loading={sending} disabled={!c.complete || !a.can.submit} onClick={() => void submit()}>
        提交自评
      </Button>
      {dialog}
    </Html>
  );
}

/** A reviewer submits their review (asked first). */
export function SubmitReviewSection({ assessment: a, onChanged, onFailed }: SectionProps) {
  const [dialog, confirm] = useConfirm();
  const [sending, setSending] = useState(false);
  const mine = a.reviews.mine;
  const titleId = useUniqueId('submit-review-title');
  if (!mine) return null;
  const c = mine.computed;

  const submit = async () => {
    const ok = await confirm({
      title: '确定提交复核吗？',
      content: `您复核的总分 ${c.total} 分，${starWord(c.star)}。提交后不能再改。`,
      confirmText: '提交复核',
      cancelText: '再看看',
    });
    if (!ok) return;
    setSending(true);
    try {
      onChanged(await call(scoringApi.submitScoringReview, { params: { id: a.id }, body: { version: mine.version } }), '复核已提交。');
    } catch (err) {
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        提交复核
      </Html>
      <Html tag='p' className='gz-text'>
        {c.complete ? `所有指标都已复核：总分 ${c.total} 分，${starText(c.star)}。` : `还有 ${c.missing.length} 个指标没有保存复核分。`}
      </Html>
      <Button variant='primary' loading={sending} disabled={!c.complete} onClick={() => void submit()}>
        提交复核
      </Button>
      {dialog}
    </Html>
  );
}

/** What a reviewer found against the branch's own declaration: vetoes found, bonus items granted and refused. */
export const itemsText = (a: ScoringAssessment, review: { vetoes: string[]; bonuses: string[] }): string => {
  const bonus = (id: string) => a.sheet.bonusItems.find((b) => b.id === id)?.text ?? id;
  const veto = (id: string) => a.sheet.vetoItems.find((v) => v.id === id)?.text ?? id;
  const granted = review.bonuses.map(bonus);
  const refused = a.self.bonuses.filter((id) => !review.bonuses.includes(id)).map(bonus);
  return [
    review.vetoes.length ? `否决项：${review.vetoes.map(veto).join('、')}` : '未发现否决项',
    granted.length ? `认可加分：${granted.join('、')}` : '',
    refused.length ? `不认可加分：${refused.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
};

/** The reviews as the lead and the committee see them: per reviewer their total, and where they differ. */
export function ReviewsOverview({ assessment: a }: { assessment: ScoringAssessment }) {
  const titleId = useUniqueId('reviews-title');
  const names = new Map(a.sheet.categories.flatMap((cat) => cat.criteria).map((k) => [k.id, k.title]));
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`工作小组复核（${reviewsText(a.reviews)}）`}
      </Html>
      <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
        {a.reviews.reviewers.map((r) => {
          const review = a.reviews.all?.find((x) => x.memberId === r.memberId);
          return (
            <Html tag='li' className='gz-measure' key={r.memberId}>
              <Html tag='p' className='gz-item-title'>
                {`${r.name}：${r.submitted && review ? scoreText(review.computed) : '未提交'}`}
              </Html>
              {r.submitted && review?.differences.length
                ? review.differences.map((d) => (
                    <Html tag='p' className='gz-diff' key={d.criterionId}>
                      {`${names.get(d.criterionId) ?? d.criterionId}：自评 ${d.self} 分，复核 ${d.review} 分（${d.delta > 0 ? '+' : ''}${d.delta}）`}
                    </Html>
                  ))
                : null}
              {r.submitted && review ? (
                <Html tag='p' className='gz-meta'>
                  {itemsText(a, review)}
                </Html>
              ) : null}
              {review?.note ? (
                <Html tag='p' className='gz-note'>
                  {`复核意见：${review.note}`}
                </Html>
              ) : null}
            </Html>
          );
        })}
      </Html>
      {a.reviews.suggested ? (
        <Html tag='p' className='gz-text'>
          {`按复核结果计算（各指标取平均）：${scoreText(a.reviews.suggested)}`}
        </Html>
      ) : null}
    </Html>
  );
}

/** The final result, once the lead set it. */
export function ResultSection({ assessment: a }: { assessment: ScoringAssessment }) {
  const titleId = useUniqueId('result-title');
  const r = a.result;
  if (!r) return null;
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        最终结果
      </Html>
      <Facts
        rows={[
          ['最终得分', `${r.total} 分`],
          ['星级', starText(r.star)],
          r.proposed && ['支部自评', scoreText(r.proposed)],
          r.reason ? ['理由', r.reason] : false,
          ['确定人', `${r.byName} · ${formatTime(r.at)}`],
        ]}
      />
    </Html>
  );
}
