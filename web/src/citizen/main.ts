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
} from 'vant';
import 'vant/lib/index.css';
import { createApp } from 'vue';
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
]) {
  app.use(component);
}
pressChoicesFromKeyboard(document);
app.mount('#app');
