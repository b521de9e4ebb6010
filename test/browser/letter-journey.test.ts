import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { ACCESSIBILITY, DESKTOP, launchChromium, PHONE, screenshot } from '../support/browser';
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
  return context.newPage();
}

/** A staff member signed in to the console with a demo account. */
async function consolePage(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  await choose(page, 'demo-account', username);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(`${username} ·`).waitFor();
  return page;
}

async function act(page: Page, caseId: string, action: string, fill?: (page: Page) => Promise<void>) {
  await page.goto(`${server.url}/console/#/cases/${caseId}`);
  await page.getByRole('button', { name: action, exact: true }).first().click();
  await fill?.(page);
  await page.locator('.action-form').getByRole('button', { name: action, exact: true }).click();
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
    await screenshot(citizen, 'citizen-write-390');
    await citizen.getByRole('button', { name: '提交' }).click();
    const caseId =
      (await citizen.getByTestId('case-id').locator('.van-cell__value').textContent())?.trim() ?? '';
    const queryCode =
      (await citizen.getByTestId('query-code').locator('.van-cell__value').textContent())?.trim() ?? '';
    expect(caseId).toMatch(/^XJ\d{14}$/);
    journeyCaseId = caseId;
    expect(queryCode.length).toBeGreaterThanOrEqual(8);
    await screenshot(citizen, 'citizen-receipt-390');

    const dispatcher = await consolePage('dispatcher1');
    await screenshot(dispatcher, 'console-cases-1440');
    await act(dispatcher, caseId, '转办', async (page) => {
      await choose(page, 'field-departmentId', '住房和城乡建设局');
      await page.locator('#field-instructions').fill('请核实并修复路灯');
    });
    await screenshot(dispatcher, 'console-case-transferred-1440');

    const department = await consolePage('housing1');
    await act(department, caseId, '签收');
    await act(department, caseId, '答复', async (page) => {
      await page.locator('#field-content').fill('已安排维修，当晚恢复照明。');
    });

    const reviewer = await consolePage('reviewer1');
    await act(reviewer, caseId, '审核');
    await screenshot(reviewer, 'console-case-reviewed-1440');

    await citizen.goto(`${server.url}/#/track`);
    await citizen.getByLabel('案件编号').fill(caseId);
    await citizen.getByLabel('查询码').fill(queryCode);
    await citizen.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => citizen.getByTestId('reply').textContent()).toContain('已安排维修');
    await screenshot(citizen, 'citizen-track-replied-390');
    await radio(citizen, '满意').click();
    await radio(citizen, '已解决').click();
    await citizen.getByRole('button', { name: '评价' }).click();
    await expect.poll(() => citizen.getByTestId('case-status').textContent()).toBe('已办结');
    await screenshot(citizen, 'citizen-track-closed-390');
  });

  it('shows the API’s field errors next to the fields, in Chinese', async () => {
    const citizen = await citizenPage();
    await citizen.goto(`${server.url}/`);
    await citizen.getByLabel('联系电话').fill('12345');
    await citizen.getByRole('button', { name: '提交' }).click();
    await citizen.getByText('联系电话格式不正确').waitFor();
    await citizen.getByText('标题不能为空').waitFor();
    await screenshot(citizen, 'citizen-write-errors-390');
  });

  it('shows the leader the same figures as GET /v1/stats for the same filters', async () => {
    const leader = await consolePage('leader1');
    await leader.getByRole('menuitem', { name: '统计' }).click();
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
    await screenshot(leader, 'console-dashboard-1440');
  });

  it('lets an operator log a call and answer it at once, and hand another to dispatch', async () => {
    const operator = await consolePage('operator1');
    await operator.getByRole('menuitem', { name: '来电登记' }).click();
    await operator.locator('#caller-name').fill('李四');
    await operator.locator('#caller-phone').fill('13912345678');
    await operator.locator('#call-content').fill('咨询公积金提取需要哪些材料。');
    await operator.locator('#call-answer').fill('携带身份证和租房合同到公积金中心办理。');
    await screenshot(operator, 'console-log-call-1440');
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

  it("gives the dispatcher a queue and the admin the case's audit trail", async () => {
    const dispatcher = await consolePage('dispatcher1');
    await dispatcher.getByRole('menuitem', { name: '案件' }).click();
    await dispatcher.getByText('剩余').first().waitFor();
    await screenshot(dispatcher, 'console-dispatcher-queue-1440');
    const admin = await consolePage('admin1');
    await admin.getByRole('menuitem', { name: '审计' }).click();
    await admin.locator('#audit-value').fill(journeyCaseId);
    await admin.getByRole('button', { name: '查询' }).click();
    await admin.getByText('转办：待受理 → 办理中').waitFor();
    await screenshot(admin, 'console-audit-1440');
  });

  it('has no serious or critical accessibility problem on any page looked at (axe-core)', () => {
    expect(ACCESSIBILITY.size).toBeGreaterThan(5);
    expect(Object.fromEntries([...ACCESSIBILITY].filter(([, problems]) => problems.length > 0))).toEqual({});
  });
});
