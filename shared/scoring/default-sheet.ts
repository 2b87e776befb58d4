import { DEFAULT_THRESHOLDS, type Sheet } from './sheet';

/**
 * The sheet a community's first period starts from (later periods copy their predecessor's). Its five categories
 * follow the seed: 运行质效, 服务群众 and 保障过硬 are where the branches lost most points; 班子建设 and 队伍建设 are
 * the leadership team and the members, as such schemes usually have. Criteria and deductions take the seed's own
 * words where it has them: the Party-building rules kept (三会一课, 支部大会), the key task list done “有计划、有落实、
 * 有总结”, the red stewards' home visits, help with problems and opinion collecting, residents' recognition and
 * satisfaction. A committee edits all of it before the period opens.
 */
export const DEFAULT_SHEET: Sheet = {
  categories: [
    {
      id: 'leadership',
      name: '班子建设',
      residentsVoice: false,
      criteria: [
        {
          id: 'committee-complete',
          title: '支部委员会健全，分工明确',
          description: '支委会按期换届，委员职责分工清楚',
          maxPoints: 8,
          deductions: [
            { id: 'overdue-election', text: '未按期换届', points: 4, maxTimes: 1 },
            { id: 'no-division', text: '支委分工不明确', points: 2, maxTimes: 1 },
          ],
        },
        {
          id: 'secretary-duties',
          title: '书记履职尽责',
          description: '书记抓党建述职评议，带头讲党课',
          maxPoints: 12,
          deductions: [
            { id: 'no-report', text: '未参加抓党建述职评议', points: 4, maxTimes: 1 },
            { id: 'no-lesson', text: '书记全年未讲党课', points: 3, maxTimes: 1 },
            { id: 'no-talks', text: '未开展谈心谈话', points: 2, maxTimes: 1 },
          ],
        },
      ],
    },
    {
      id: 'members',
      name: '队伍建设',
      residentsVoice: false,
      criteria: [
        {
          id: 'member-education',
          title: '党员教育管理',
          description: '组织党员学习，党员参加组织生活',
          maxPoints: 10,
          deductions: [
            { id: 'low-attendance', text: '党员参加组织生活不足八成（每次）', points: 1, maxTimes: 4 },
            { id: 'no-study-plan', text: '无年度学习计划', points: 2, maxTimes: 1 },
          ],
        },
        {
          id: 'steward-team',
          title: '“红色小管家”队伍作用发挥',
          description: '小区党建指导员+党支部书记+红色小管家体系健全，红色小管家积极参与治理',
          maxPoints: 10,
          deductions: [
            { id: 'no-stewards', text: '本支部未落实红色小管家', points: 4, maxTimes: 1 },
            { id: 'stewards-idle', text: '红色小管家全年未参与走访或帮扶', points: 2, maxTimes: 1 },
          ],
        },
      ],
    },
    {
      id: 'operation',
      name: '运行质效',
      residentsVoice: false,
      criteria: [
        {
          id: 'party-rules',
          title: '严格落实党建工作制度',
          description: '“三会一课”、主题党日、支部大会按期召开，记录完整',
          maxPoints: 10,
          deductions: [
            { id: 'general-meeting', text: '未按期召开支部大会', points: 2, maxTimes: 2 },
            { id: 'three-one', text: '“三会一课”未按要求开展（每次）', points: 1, maxTimes: 4 },
            { id: 'party-day', text: '主题党日活动缺少记录（每次）', points: 1, maxTimes: 3 },
          ],
        },
        {
          id: 'key-tasks',
          title: '重点工作任务清单',
          description: '有计划、有落实、有总结地完成项目清单',
          maxPoints: 10,
          deductions: [
            { id: 'no-plan', text: '任务无计划', points: 2, maxTimes: 2 },
            { id: 'not-done', text: '任务未落实（每项）', points: 2, maxTimes: 3 },
            { id: 'no-summary', text: '任务无总结', points: 1, maxTimes: 3 },
          ],
        },
        {
          id: 'records',
          title: '工作台账规范',
          description: '会议记录、党费收缴、发展党员等台账齐全规范',
          maxPoints: 5,
          deductions: [
            { id: 'missing-records', text: '台账缺失或不规范（每项）', points: 1, maxTimes: 3 },
            { id: 'dues-late', text: '党费未按时收缴', points: 2, maxTimes: 1 },
          ],
        },
      ],
    },
    {
      id: 'service',
      name: '服务群众',
      residentsVoice: true,
      criteria: [
        {
          id: 'home-visits',
          title: '走访入户',
          description: '党员、红色小管家定期走访入户，了解居民诉求',
          maxPoints: 8,
          deductions: [
            { id: 'visits-short', text: '走访入户未达计划（每季度）', points: 1, maxTimes: 4 },
            { id: 'no-visit-log', text: '无走访记录', points: 2, maxTimes: 1 },
          ],
        },
        {
          id: 'problem-help',
          title: '问题帮扶与民意收集',
          description: '居民反映的问题及时办理、答复；民意收集有记录、有回应',
          maxPoints: 8,
          deductions: [
            { id: 'unanswered', text: '居民反映问题未及时办理答复（每件）', points: 1, maxTimes: 4 },
            { id: 'no-opinions', text: '未开展民意收集', points: 2, maxTimes: 1 },
          ],
        },
        {
          id: 'satisfaction',
          title: '居民认可度和满意度',
          description: '居民对社区和支部工作的认可度、满意度',
          maxPoints: 4,
          deductions: [
            { id: 'complaints', text: '被居民有效投诉（每件）', points: 1, maxTimes: 2 },
            { id: 'low-satisfaction', text: '群众满意度低于 80%', points: 2, maxTimes: 1 },
          ],
        },
      ],
    },
    {
      id: 'support',
      name: '保障过硬',
      residentsVoice: false,
      criteria: [
        {
          id: 'venue',
          title: '活动阵地',
          description: '有固定活动场所（党群服务站），标识规范，正常开放',
          maxPoints: 8,
          deductions: [
            { id: 'no-venue', text: '无固定活动场所', points: 4, maxTimes: 1 },
            { id: 'not-open', text: '阵地未正常开放使用', points: 2, maxTimes: 1 },
          ],
        },
        {
          id: 'funds',
          title: '经费和制度保障',
          description: '工作经费规范使用，制度上墙',
          maxPoints: 7,
          deductions: [
            { id: 'funds-misused', text: '经费使用不规范', points: 3, maxTimes: 1 },
            { id: 'rules-not-posted', text: '制度未公开上墙', points: 1, maxTimes: 1 },
          ],
        },
      ],
    },
  ],
  vetoItems: [
    { id: 'discipline', text: '支部班子成员发生严重违纪违法问题', effect: { kind: 'unrated' } },
    { id: 'incident', text: '发生重大安全责任事故或群体性事件', effect: { kind: 'cap', maxStar: 2 } },
    { id: 'falsified', text: '自评材料弄虚作假', effect: { kind: 'cap', maxStar: 1 } },
  ],
  bonusItems: [
    { id: 'honour', text: '支部或党员获得区级以上表彰', points: 3 },
    { id: 'promoted', text: '工作经验被区级以上推广', points: 2 },
    { id: 'brand', text: '打造特色服务品牌（如“老书记工作室”“舞动+”）', points: 2 },
  ],
  bonusCap: 5,
  thresholds: DEFAULT_THRESHOLDS,
  caps: {
    satisfaction: { belowPercent: 60, maxStar: 2, minRatings: 5 },
    fiveStarNeedsBonus: true,
  },
};
