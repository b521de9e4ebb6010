import {
  Button,
  Cell,
  CellGroup,
  Field,
  Form,
  List,
  NavBar,
  NoticeBar,
  Radio,
  RadioGroup,
  Step,
  Steps,
  Switch,
  Tabbar,
  TabbarItem,
  Tag,
  Uploader,
} from 'vant';
import 'vant/lib/index.css';
import { createApp } from 'vue';
import { loadSiteConfig } from '../site-config';
import { SITE_CONFIG } from '../site-config-key';
import App from './App.vue';
import { pressChoicesFromKeyboard } from './keyboard-choices';
import { router } from './router';

const app = createApp(App).use(router);
for (const component of [
  Button,
  Cell,
  CellGroup,
  Field,
  Form,
  List,
  NavBar,
  NoticeBar,
  Radio,
  RadioGroup,
  Step,
  Steps,
  Switch,
  Tabbar,
  TabbarItem,
  Tag,
  Uploader,
]) {
  app.use(component);
}
pressChoicesFromKeyboard(document);
// Where the API is comes from /config.json; the app mounts once it is known.
void loadSiteConfig().then((site) => {
  app.provide(SITE_CONFIG, site);
  app.mount('#app');
});
