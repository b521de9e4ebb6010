import {
  ElAlert,
  ElButton,
  ElCard,
  ElConfigProvider,
  ElDescriptions,
  ElDescriptionsItem,
  ElForm,
  ElFormItem,
  ElInput,
  ElInputNumber,
  ElLink,
  ElMenu,
  ElMenuItem,
  ElOption,
  ElSelect,
  ElSwitch,
  ElTable,
  ElTableColumn,
  ElTag,
  ElTimeline,
  ElTimelineItem,
  ElUpload,
} from 'element-plus';
import 'element-plus/dist/index.css';
import { createApp } from 'vue';
import { loadSiteConfig } from '../site-config';
import { SITE_CONFIG } from '../site-config-key';
import App from './App.vue';
import { router } from './router';

const app = createApp(App).use(router);
for (const component of [
  ElAlert,
  ElButton,
  ElCard,
  ElConfigProvider,
  ElDescriptions,
  ElDescriptionsItem,
  ElForm,
  ElFormItem,
  ElInput,
  ElInputNumber,
  ElLink,
  ElMenu,
  ElMenuItem,
  ElOption,
  ElSelect,
  ElSwitch,
  ElTable,
  ElTableColumn,
  ElTag,
  ElTimeline,
  ElTimelineItem,
  ElUpload,
]) {
  app.use(component);
}
// Where the API is comes from /config.json; the app mounts once it is known.
void loadSiteConfig().then((site) => {
  app.provide(SITE_CONFIG, site);
  app.mount('#app');
});
