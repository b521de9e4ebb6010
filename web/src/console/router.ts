import { createRouter, createWebHashHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/cases' },
    { path: '/cases', component: () => import('./pages/CaseList.vue'), meta: { title: '案件' } },
    { path: '/cases/:caseId', component: () => import('./pages/CasePage.vue'), meta: { title: '案件详情' } },
    { path: '/calls', component: () => import('./pages/LogCall.vue'), meta: { title: '来电登记' } },
    { path: '/audit', component: () => import('./pages/AuditTrail.vue'), meta: { title: '审计' } },
    { path: '/stats', component: () => import('./pages/StatisticsDashboard.vue'), meta: { title: '统计' } },
  ],
});
