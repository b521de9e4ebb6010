import { createRouter, createWebHashHistory } from 'vue-router';
import { WORK_QUEUES } from './queues';

/** The console's pages; `/` is sent to the signed-in user's first menu page by App.vue. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', component: { render: () => null } },
    ...WORK_QUEUES.map((queue) => ({
      path: queue.path,
      component: () => import('./pages/WorkQueue.vue'),
      meta: { title: queue.label },
    })),
    { path: '/cases', component: () => import('./pages/CaseList.vue'), meta: { title: '案件查询' } },
    { path: '/cases/:caseId', component: () => import('./pages/CasePage.vue'), meta: { title: '案件详情' } },
    { path: '/calls', component: () => import('./pages/LogCall.vue'), meta: { title: '来电登记' } },
    { path: '/audit', component: () => import('./pages/AuditTrail.vue'), meta: { title: '审计' } },
    { path: '/stats', component: () => import('./pages/StatisticsDashboard.vue'), meta: { title: '统计' } },
  ],
});
