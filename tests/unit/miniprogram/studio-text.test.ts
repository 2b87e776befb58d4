/** The Old Secretary Studio's admin words (miniprogram/src/packages/admin/studio/studioText.ts). */
import { MentoringSessionBody } from '../../../shared/api/scoring';
import { STUDIO_MEMBER_STATUSES, allowedStudioMoves } from '../../../shared/scoring/studio';
import { countsText, moveQuestion, namesOf, studioMove } from '../../../miniprogram/src/packages/admin/studio/studioText';

it('names every move the table allows, asks before the ones that take someone off, and fits WeChat’s modal', () => {
  for (const from of STUDIO_MEMBER_STATUSES)
    for (const to of allowedStudioMoves(from)) {
      const move = studioMove(to);
      expect(move.to).toBe(to);
      expect([...move.short].length).toBeLessThanOrEqual(4);
      expect(Boolean(moveQuestion(move, '周德福'))).toBe(move.destructive);
    }
  expect(['declined', 'left'].map((s) => studioMove(s as 'declined').destructive)).toEqual([true, true]);
  expect(moveQuestion(studioMove('left'), '周德福')!.title).toBe('记录 周德福 退出工作室吗？');
});

it('says the sessions an old secretary led', () => {
  expect(countsText({ 'party-lesson': 2, symposium: 1, attendees: 52 })).toBe('主题党课 2 次，座谈会 1 次，带教 52 人次');
  expect(countsText({ 'party-lesson': 0, symposium: 0, attendees: 0 })).toBe('还没有主讲过带教活动');
});

it('splits attendees’ names as people type them, into what the contract takes', () => {
  expect(namesOf(' 李明、王芳，赵强 钱多多\n孙丽;周杰 ')).toEqual(['李明', '王芳', '赵强', '钱多多', '孙丽', '周杰']);
  expect(namesOf(' 、 ')).toEqual([]);
  const body = { kind: 'symposium', topic: '座谈', date: '2026-11-01', mentorIds: ['0b6e2c6e-5f3a-4d8e-9a43-7d4f0f3b1c21'], attendeeCount: 2, attendees: namesOf('李明、王芳') };
  expect(MentoringSessionBody.safeParse(body).success).toBe(true);
});
