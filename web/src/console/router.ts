import { createRouter, createWebHashHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/cases' },
    { path: '/cases', component: () => import('./pages/CaseList.vue'), meta: { title: '案件' } },
    { path: '/cases/:caseId', component: () => import('./pages/CasePage.vue'), meta: { title: '案件详情' } },
  ],
});
