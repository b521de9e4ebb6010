import { createRouter, createWebHashHistory } from 'vue-router';

/**
 * Hash routes: a WeChat mini-program web-view and a static host serve one file, with no server
 * rewrite, and a reload or a shared link lands on the same page.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/letter' },
    { path: '/letter', component: () => import('./pages/WriteLetter.vue'), meta: { title: '写信' } },
    { path: '/consult', component: () => import('./pages/AskQuestion.vue'), meta: { title: '在线咨询' } },
    { path: '/track', component: () => import('./pages/TrackCase.vue'), meta: { title: '查询' } },
    { path: '/public', component: () => import('./pages/PublicLetters.vue'), meta: { title: '公开信件' } },
  ],
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 市民来信与咨询`;
});
