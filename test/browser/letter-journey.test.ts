import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import {
  ACCESSIBILITY,
  CSP_VIOLATIONS,
  DESKTOP,
  launchChromium,
  PHONE,
  screenshot,
  watchContentSecurity,
} from '../support/browser';
import { TEST_IDENTITY } from '../support/identity-shape';
import { SAMPLE_FILES } from '../support/sample-files';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * A letter's whole journey through the pages only, five people in five browser contexts: a citizen
 * writes on a phone-sized screen; the dispatcher transfers it; the department signs and replies;
 * the reviewer approves; the citizen finds the reply with number and query code and rates it.
 */
let server: ServerProcess;
let browser: Browser;
/** The journey's case, for the pages that look back at it. */
let journeyCaseId = '';

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-browser-')),
    CIVICLINE_DATABASE: 'memory',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A Vant radio by its text (its accessible name also carries the icon font's glyph). */
function radio(page: Page, text: string) {
  return page.getByRole('radio').filter({ hasText: new RegExp(`^${text}$`) });
}

/** Picks an option of an Element Plus select, by the select's id and the option's text. */
async function choose(page: Page, selectId: string, option: string) {
  await page.locator(`.el-select:has(#${selectId}) .el-select__wrapper`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function citizenPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  watchContentSecurity(context);
  return context.newPage();
}

/**
 * A staff member signed in to the console with a demo account: picked on the console's own
 * sign-in (Cognito's shape: `npm start`), or — with the identity platform's tokens
 * (CIVICLINE_IDENTITY=oidc) — at the platform's sign-in page, by authorization code with PKCE.
 */
async function consolePage(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  watchContentSecurity(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  if (TEST_IDENTITY === 'oidc') {
    await page.getByRole('button', { name: '统一身份认证登录' }).click();
    await page.getByRole('heading', { name: '统一身份认证' }).waitFor();
    if (!platformSignInSeen) await screenshot(page, 'platform-sign-in');
    platformSignInSeen = true;
    await page.getByRole('link', { name: username, exact: true }).click();
  } else {
    await choose(page, 'demo-account', username);
    await page.getByRole('button', { name: '登录' }).click();
  }
  await page.getByText(`${username} ·`).waitFor();
  return page;
}
let platformSignInSeen = false;

/**
 * A citizen writes a letter on the phone-sized page (`beforeSubmit` adds to the form, e.g. files);
 * returns its case number.
 */
async function writeLetter(
  citizen: Page,
  letter: {
    type?: string;
    title: string;
    content: string;
    name: string;
    phone: string;
    consent: '同意' | '不同意';
  },
  beforeSubmit?: (page: Page) => Promise<void>,
): Promise<string> {
  await citizen.goto(`${server.url}/`);
  if (letter.type) await radio(citizen, letter.type).click();
  await citizen.getByLabel('标题').fill(letter.title);
  await citizen.getByLabel('内容').fill(letter.content);
  await citizen.getByLabel('姓名').fill(letter.name);
  await citizen.getByLabel('联系电话').fill(letter.phone);
  await radio(citizen, letter.consent).click();
  await beforeSubmit?.(citizen);
  await citizen.getByRole('button', { name: '提交' }).click();
  return (await citizen.getByTestId('case-id').locator('.van-cell__value').textContent())?.trim() ?? '';
}

/** Opens an action on the case page, fills its form, and sends it with its button (or a decision's verb). */
async function act(
  page: Page,
  caseId: string,
  action: string,
  fill?: (page: Page) => Promise<void>,
  send = action,
) {
  await page.goto(`${server.url}/console/#/cases/${caseId}`);
  await page.getByRole('button', { name: action, exact: true }).first().click();
  await fill?.(page);
  await page.locator('.action-form').getByRole('button', { name: send, exact: true }).click();
  await page.getByText(`已${action}`).waitFor();
}

describe('a letter through the pages', () => {
  it('is written, transferred, signed, replied, approved, found and rated — by five people', async () => {
    const citizen = await citizenPage();
    await citizen.goto(`${server.url}/`);
    await citizen.getByLabel('标题').fill('小区路灯不亮');
    await citizen.getByLabel('内容').fill('幸福小区东门路灯连续三晚不亮，夜间出行不安全。');
    await citizen.getByLabel('姓名').fill('张三');
    await citizen.getByLabel('联系电话').fill('13812345678');
    await radio(citizen, '同意').click();
    await screenshot(citizen, 'citizen-write');
    await citizen.getByRole('button', { name: '提交' }).click();
    const caseId =
      (await citizen.getByTestId('case-id').locator('.van-cell__value').textContent())?.trim() ?? '';
    const queryCode =
      (await citizen.getByTestId('query-code').locator('.van-cell__value').textContent())?.trim() ?? '';
    expect(caseId).toMatch(/^XJ\d{14}$/);
    journeyCaseId = caseId;
    expect(queryCode.length).toBeGreaterThanOrEqual(8);
    await screenshot(citizen, 'citizen-receipt');

    const dispatcher = await consolePage('dispatcher1');
    await act(dispatcher, caseId, '转办', async (page) => {
      await choose(page, 'field-departmentId', '住房和城乡建设局');
      await page.locator('#field-instructions').fill('请核实并修复路灯');
    });
    await screenshot(dispatcher, 'console-case-transferred');

    const department = await consolePage('housing1');
    await act(department, caseId, '签收');
    await act(department, caseId, '答复', async (page) => {
      await page.locator('#field-content').fill('已安排维修，当晚恢复照明。');
    });

    const reviewer = await consolePage('reviewer1');
    await act(
      reviewer,
      caseId,
      '审核',
      async (page) => {
        await page.locator('.action-form').getByRole('button', { name: '退回修改' }).waitFor();
      },
      '审核通过',
    );
    await screenshot(reviewer, 'console-case-reviewed');

    await citizen.goto(`${server.url}/#/track`);
    await citizen.getByLabel('案件编号').fill(caseId);
    await citizen.getByLabel('查询码').fill(queryCode);
    await citizen.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => citizen.getByTestId('reply').textContent()).toContain('已安排维修');
    await screenshot(citizen, 'citizen-track-replied');
    await radio(citizen, '满意').click();
    await radio(citizen, '已解决').click();
    await citizen.getByRole('button', { name: '评价' }).click();
    await expect.poll(() => citizen.getByTestId('case-status').textContent()).toBe('已办结');
    await screenshot(citizen, 'citizen-track-closed');
  });

  it('shows the API’s field errors next to the fields, in Chinese', async () => {
    const citizen = await citizenPage();
    await citizen.goto(`${server.url}/`);
    await citizen.getByLabel('联系电话').fill('12345');
    await citizen.getByRole('button', { name: '提交' }).click();
    await citizen.getByText('联系电话格式不正确').waitFor();
    await citizen.getByText('标题不能为空').waitFor();
    await screenshot(citizen, 'citizen-write-errors');
  });

  it('shows the leader the same figures as GET /v1/stats for the same filters', async () => {
    const leader = await consolePage('leader1');
    await leader.getByRole('menuitem', { name: '统计' }).click();
    // The dashboard's chart library is its own chunk: on a busy 2-core machine it may take a while.
    await leader.locator('#stats-from').waitFor({ timeout: 90_000 });
    const from = await leader.locator('#stats-from').inputValue();
    const to = await leader.locator('#stats-to').inputValue();
    const token = await leader.evaluate('sessionStorage.getItem("civicline-token")');
    const response = await fetch(`${server.url}/v1/stats?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const stats = (await response.json()) as {
      totals: { accepted: number };
      rates: Record<string, number | null>;
    };
    const shown = (rate: number | null | undefined) =>
      rate === null || rate === undefined ? '—' : `${rate}%`;
    await expect
      .poll(() => leader.getByTestId('kpi-accepted').textContent())
      .toBe(String(stats.totals.accepted));
    for (const rate of ['replyRate', 'completionRate', 'onTimeRate', 'satisfactionRate', 'resolutionRate']) {
      expect(await leader.getByTestId(`kpi-${rate}`).textContent(), rate).toBe(shown(stats.rates[rate]));
    }
    await expect.poll(() => leader.getByTestId('report-paragraph').textContent()).toMatch(/\S/);
    await screenshot(leader, 'console-dashboard');
  });

  it('lets an operator log a call and answer it at once, and hand another to dispatch', async () => {
    const operator = await consolePage('operator1');
    await operator.getByRole('menuitem', { name: '来电登记' }).click();
    await operator.locator('#caller-name').fill('李四');
    await operator.locator('#caller-phone').fill('13912345678');
    await operator.locator('#call-content').fill('咨询公积金提取需要哪些材料。');
    await operator.locator('#call-answer').fill('携带身份证和租房合同到公积金中心办理。');
    await screenshot(operator, 'console-log-call');
    await operator.getByRole('button', { name: '登记并答复' }).click();
    const answered = (await operator.getByText(/已登记 GD\d{14}/).textContent()) ?? '';
    const answeredId = /GD\d{14}/.exec(answered)?.[0] ?? '';
    await operator.locator('.el-alert__close-btn').click();
    await operator.locator('.el-switch').click();
    await operator.locator('#call-content').fill('小区门口道路积水严重，请尽快处理。');
    await operator.getByRole('button', { name: '登记并转派单' }).click();
    // The first call's notice may still be fading out: wait for the one naming another case.
    const second = operator.getByText(new RegExp(`已登记 (?!${answeredId})GD\\d{14}`));
    const dispatched = /GD\d{14}/.exec((await second.textContent()) ?? '')?.[0] ?? '';
    const dispatcher = await consolePage('dispatcher1');
    await dispatcher.goto(`${server.url}/console/#/cases/${answeredId}`);
    await expect.poll(() => dispatcher.getByTestId('case-status').textContent()).toMatch(/已答复/);
    await dispatcher.goto(`${server.url}/console/#/cases/${dispatched}`);
    await expect.poll(() => dispatcher.getByTestId('case-status').textContent()).toBe('待受理');
  });

  it("gives each role its queue, oldest first, and the admin the case's audit trail", async () => {
    const dispatcher = await consolePage('dispatcher1');
    // A role starts from its first queue.
    await dispatcher.getByRole('heading', { name: '待受理', level: 1 }).waitFor();
    await dispatcher.getByText('剩余').first().waitFor();
    const listed = await dispatcher.locator('.el-table__row a').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed, 'oldest first').toEqual([...listed].sort());
    await screenshot(dispatcher, 'console-dispatcher-triage');
    await dispatcher.getByRole('menuitem', { name: '退单与延期' }).click();
    await dispatcher.getByRole('heading', { name: '待审批的延期申请' }).waitFor();
    await screenshot(dispatcher, 'console-dispatcher-returns');
    await dispatcher.getByRole('menuitem', { name: '超期督办' }).click();
    await dispatcher.getByRole('heading', { name: /超期案件/ }).waitFor();
    await screenshot(dispatcher, 'console-overdue');

    const department = await consolePage('housing1');
    await department.getByRole('heading', { name: '部门待办', level: 1 }).waitFor();
    await screenshot(department, 'console-department-queue');
    const reviewer = await consolePage('reviewer1');
    await reviewer.getByRole('heading', { name: '待审核', level: 1 }).waitFor();
    const operator = await consolePage('operator1');
    await operator.getByRole('menuitem', { name: '回访' }).click();
    await operator.getByRole('heading', { name: '回访', level: 1 }).waitFor();
    await screenshot(operator, 'console-follow-up');
    const leader = await consolePage('leader1');
    expect(await leader.getByRole('menuitem').allTextContents()).toEqual(['超期督办', '统计', '案件查询']);

    const admin = await consolePage('admin1');
    await admin.getByRole('menuitem', { name: '审计' }).click();
    await admin.locator('#audit-value').fill(journeyCaseId);
    await admin.getByRole('button', { name: '查询' }).click();
    await admin.getByText('转办：待受理 → 办理中').waitFor();
    await screenshot(admin, 'console-audit');
  });

  it('shows a department the complainant’s phone masked and no name on a complaint', async () => {
    const caseId = await writeLetter(await citizenPage(), {
      type: '投诉',
      title: '夜间施工噪音扰民',
      content: '某工地连续一周凌晨施工，噪音很大，严重影响休息。',
      name: '王小五',
      phone: '13700001111',
      consent: '不同意',
    });

    const dispatcher = await consolePage('dispatcher1');
    await act(dispatcher, caseId, '转办', async (page) => {
      await choose(page, 'field-departmentId', '水利局');
      await page.locator('#field-instructions').fill('请核查施工许可');
    });
    const department = await consolePage('water1');
    await department.goto(`${server.url}/console/#/cases/${caseId}`);
    await expect.poll(() => department.getByTestId('citizen-phone').textContent()).toBe('137****1111');
    expect(await department.locator('body').textContent()).not.toContain('王小五');
    await screenshot(department, 'console-case-department-complaint');
  });

  it('explains a 409 — someone acted first — reloads the case and keeps what was typed', async () => {
    const caseId = await writeLetter(await citizenPage(), {
      title: '公交站台破损',
      content: '人民路公交站台顶棚破损，下雨时无法避雨。',
      name: '赵六',
      phone: '13600002222',
      consent: '同意',
    });

    const late = await consolePage('dispatcher1');
    await late.goto(`${server.url}/console/#/cases/${caseId}`);
    await late.getByRole('button', { name: '转办', exact: true }).first().click();
    await late.locator('#field-instructions').fill('请交通部门处理');

    const first = await consolePage('dispatcher1');
    await act(first, caseId, '不予受理', async (page) => {
      await page.locator('#field-reason').fill('重复来信');
    });

    await choose(late, 'field-departmentId', '交通运输局');
    await late.locator('.action-form').getByRole('button', { name: '转办', exact: true }).click();
    await late.getByText('已重新加载案件').waitFor();
    await expect.poll(() => late.getByTestId('case-status').textContent()).toBe('不予受理');
    expect(await late.locator('#field-instructions').inputValue()).toBe('请交通部门处理');
    await screenshot(late, 'console-case-conflict');
  });

  it('lets a citizen write a letter with the keyboard alone', async () => {
    const citizen = await citizenPage();
    await citizen.goto(`${server.url}/`);
    await screenshot(citizen, 'citizen-home');
    const tabTo = async (target: Locator) => {
      for (let presses = 0; presses < 60; presses += 1) {
        if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
        await citizen.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${target}`);
    };
    await tabTo(radio(citizen, '建议'));
    await citizen.keyboard.press('Space');
    await tabTo(citizen.getByLabel('标题'));
    await citizen.keyboard.type('建议增设自行车道');
    await tabTo(citizen.getByLabel('内容'));
    await citizen.keyboard.type('建议在解放大道增设自行车道，方便绿色出行。');
    await tabTo(citizen.getByLabel('姓名'));
    await citizen.keyboard.type('钱七');
    await tabTo(citizen.getByLabel('联系电话'));
    await citizen.keyboard.type('13500003333');
    await tabTo(radio(citizen, '不同意'));
    await citizen.keyboard.press('Space');
    await tabTo(citizen.getByRole('button', { name: '提交' }));
    await citizen.keyboard.press('Enter');
    await expect
      .poll(() => citizen.getByTestId('case-id').locator('.van-cell__value').textContent())
      .toMatch(/XJ\d{14}/);
  });

  it('shows the consultation form and the public letters to citizens', async () => {
    const citizen = await citizenPage();
    await citizen.goto(`${server.url}/#/consult`);
    await citizen.getByRole('button', { name: '提交' }).waitFor();
    await screenshot(citizen, 'citizen-ask');
    await citizen.goto(`${server.url}/#/public`);
    await citizen.getByText('公开信件').first().waitFor();
    await screenshot(citizen, 'citizen-public-letters');
    const signIn = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn.goto(`${server.url}/console/`);
    await signIn.getByRole('button', { name: '登录' }).waitFor();
    await screenshot(signIn, 'console-sign-in');
  });

  it('carries a citizen’s photo to the department, and the reply’s PDF back to the citizen', async () => {
    const citizen = await citizenPage();
    const letter = {
      title: '路灯杆倾斜',
      content: '幸福路12号门前路灯杆倾斜，有倒塌危险，附现场照片。',
      name: '孙八',
      phone: '13400004444',
      consent: '同意',
    } as const;
    const caseId = await writeLetter(citizen, letter, async (page) => {
      await page
        .locator('.van-uploader__input')
        .setInputFiles({ name: '路灯杆.png', mimeType: 'image/png', buffer: SAMPLE_FILES.png });
      await page.locator('.van-uploader__preview').waitFor();
      // The mask stays while a file uploads, and shows the reason if it failed.
      await expect.poll(() => page.locator('.van-uploader__mask').count()).toBe(0);
      await screenshot(page, 'citizen-write-attachment');
    });
    const queryCode =
      (await citizen.getByTestId('query-code').locator('.van-cell__value').textContent())?.trim() ?? '';

    const dispatcher = await consolePage('dispatcher1');
    await act(dispatcher, caseId, '转办', async (page) => {
      await choose(page, 'field-departmentId', '住房和城乡建设局');
      await page.locator('#field-instructions').fill('请核实并加固');
    });
    const department = await consolePage('housing1');
    await department.goto(`${server.url}/console/#/cases/${caseId}`);
    const photo = department.getByTestId('case-files').getByRole('link', { name: '路灯杆.png' });
    const opened = await fetch((await photo.getAttribute('href')) ?? '');
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(SAMPLE_FILES.png);
    await screenshot(department, 'console-case-files');
    await act(department, caseId, '签收');
    await act(department, caseId, '答复', async (page) => {
      await page.locator('#field-content').fill('已加固路灯杆，排除隐患。');
      await page
        .locator('.action-form .el-upload__input')
        .setInputFiles({ name: '加固记录.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf });
      await page.locator('.chosen li[data-status="success"]').waitFor();
      await screenshot(page, 'console-reply-attachment');
    });
    const reviewer = await consolePage('reviewer1');
    await act(
      reviewer,
      caseId,
      '审核',
      async (page) => {
        await page.getByTestId('case-files').getByRole('link', { name: '加固记录.pdf' }).waitFor();
      },
      '审核通过',
    );

    await citizen.goto(`${server.url}/#/track`);
    await citizen.getByLabel('案件编号').fill(caseId);
    await citizen.getByLabel('查询码').fill(queryCode);
    await citizen.getByRole('button', { name: '查询' }).click();
    const files = citizen.getByTestId('case-files');
    await files.getByText('加固记录.pdf').waitFor();
    expect(await files.getByText('路灯杆.png').count()).toBe(1);
    await screenshot(citizen, 'citizen-track-files');
  });

  it('has no serious or critical accessibility problem (axe-core) and nothing refused by the CSP on any page looked at', () => {
    expect(ACCESSIBILITY.size).toBeGreaterThan(5);
    expect(CSP_VIOLATIONS, 'refused under the Content-Security-Policy').toEqual([]);
    expect(Object.fromEntries([...ACCESSIBILITY].filter(([, problems]) => problems.length > 0))).toEqual({});
  });
});
