/**
 * During the announcement a resident objects through feedback: the results name how to fill in the feedback form
 * (category 其他, a title that names the branch), so the committee finds the objection in its queue.
 */
export const objectionFor = (branchName: string, periodName: string) => ({
  category: 'other' as const,
  // the feedback form's title holds 40 characters
  title: `对${branchName}星级评定结果的意见`.slice(0, 40),
  description: `关于${periodName}${branchName}的星级评定公示结果，我的意见是：`,
});
