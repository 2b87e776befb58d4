export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/login/index',
    'pages/feedback/new/index',
    'pages/feedback/mine/index',
    'pages/feedback/detail/index',
    // Where unknown addresses land (app.ts): in the main package, since any address can be wrong.
    'pages/not-found/index',
  ],
  subPackages: [
    {
      // The committee's pages: only staff load them.
      root: 'packages/admin',
      pages: [
        'login/index',
        'queue/index',
        'detail/index',
        'stats/index',
        'compounds/index',
        'teams/index',
        'team/index',
        'venues/index',
        'dance-rules/index',
        'timetable/index',
        'councils/index',
        'council/index',
        'motion/index',
        'coverage/index',
        'households/index',
        'household/index',
        'surveys/index',
        'survey/index',
        'audit/index',
        'scoring-periods/index',
        'scoring-period/index',
        'scoring-results/index',
        'scoring-branch/index',
        'scoring-sheet/index',
        'studio-members/index',
        'studio-sessions/index',
      ],
    },
    {
      // Dance teams (广场舞队伍备案): a leader files a team, members join and accept the rules, the ID card, and the
      // public check anyone can open from the card's QR code (no sign-in).
      root: 'packages/teams',
      pages: ['mine/index', 'edit/index', 'detail/index', 'join/index', 'card/index', 'verify/index'],
    },
    {
      // The council (议事会): every resident reads its decisions; members discuss and vote, the chair schedules and
      // records ballots in person; someone seated by name claims their seat with its code.
      root: 'packages/council',
      pages: ['index/index', 'council/index', 'motion/index', 'propose/index', 'claim/index'],
    },
    {
      // Branch star rating (星级党支部创评): the work the committee gave a person in a period — a branch's secretary
      // (自评荐星, problems and rectification, key tasks), a working-group reviewer (复核) or its lead (the final star) —
      // and the results every resident reads from the announcement (公示) on, with 提出异议 through feedback.
      root: 'packages/scoring',
      pages: ['mine/index', 'assessment/index', 'results/index'],
    },
    {
      // Opinion collection (民意征集): residents answer the committee's question sets; red stewards record answers
      // they gathered on visits.
      root: 'packages/opinions',
      pages: ['index/index', 'answer/index'],
    },
    {
      // Red stewards' work: what the committee assigned to them, their households (visits and help). Only
      // stewards load it.
      root: 'packages/steward',
      pages: ['assigned/index', 'detail/index', 'households/index', 'household/index'],
    },
  ],
  // Browser build: no sliding page transitions (calmer for older eyes, and nothing moves under a tap).
  animation: false,
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '共治 · 青年社区',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
});
