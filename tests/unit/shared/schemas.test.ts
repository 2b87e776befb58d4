import { AdminFeedbackQuery, PageQuery, SubmitFeedbackBody, TransitionBody, WechatLoginBody } from '../../../shared/api';

const valid = { category: 'noise', title: '广场舞音响太响', description: '晚上十点后还在放音乐', compound: '青年新苑' };

describe('the feedback form schema', () => {
  it('accepts a complete report and trims its text', () => {
    const r = SubmitFeedbackBody.parse({ ...valid, title: '  广场舞音响太响  ', building: ' 3栋 ' });
    expect(r.title).toBe('广场舞音响太响');
    expect(r.building).toBe('3栋');
  });

  it('names every missing field in Chinese', () => {
    const r = SubmitFeedbackBody.safeParse({});
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(fields).toEqual(['category', 'compound', 'description', 'title']);
    for (const issue of r.error!.issues) expect(issue.message).toMatch(/\p{Script=Han}/u);
  });

  it('refuses blank text, unknown categories and over-long titles', () => {
    expect(SubmitFeedbackBody.safeParse({ ...valid, title: '   ' }).success).toBe(false);
    expect(SubmitFeedbackBody.safeParse({ ...valid, category: 'parking-lot' }).success).toBe(false);
    expect(SubmitFeedbackBody.safeParse({ ...valid, title: '长'.repeat(41) }).success).toBe(false);
    expect(SubmitFeedbackBody.safeParse({ ...valid, description: '长'.repeat(1001) }).success).toBe(false);
  });
});

describe('paging and transitions', () => {
  it('pages 20 at a time by default and never more than 50', () => {
    expect(PageQuery.parse({}).limit).toBe(20);
    expect(PageQuery.parse({ limit: '5' }).limit).toBe(5);
    expect(PageQuery.safeParse({ limit: '51' }).success).toBe(false);
    expect(PageQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(PageQuery.safeParse({ cursor: 'not a cursor!' }).success).toBe(false);
  });

  it('shows the committee the waiting feedback unless a status is chosen', () => {
    expect(AdminFeedbackQuery.parse({}).status).toBe('submitted');
    expect(AdminFeedbackQuery.safeParse({ status: 'lost' }).success).toBe(false);
  });

  it('needs the version the committee member was looking at', () => {
    expect(TransitionBody.safeParse({ to: 'accepted' }).success).toBe(false);
    expect(TransitionBody.parse({ to: 'accepted', version: 3 }).version).toBe(3);
  });

  it('needs a login code', () => {
    expect(WechatLoginBody.safeParse({ code: '' }).success).toBe(false);
    expect(WechatLoginBody.safeParse({ code: 'dev:王建国' }).success).toBe(true);
  });
});
