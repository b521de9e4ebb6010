import { runSoak } from '../test/support/soak';

/**
 * `npm run soak [-- cases [clients]]`: whole lifecycles with faults injected and two SIGKILLs of the
 * server and its database mid-run (issue 14); prints what must be zero, and exits 1 if it is not.
 */
const [cases = '200', clients = '8'] = process.argv.slice(2);
const FAULTS = 'dynamodb:throttle=0.2,dynamodb:conflict=0.05,sfn:unavailable=0.1';

const figures = await runSoak({
  cases: Number(cases),
  clients: Number(clients),
  faults: FAULTS,
  kills: 2,
  lostAnswers: 0.1,
  log: (line) => console.log(line),
});
const { statuses, unexpected, injectedFaults, ...counts } = figures;
console.table(Object.entries(counts).map(([figure, value]) => ({ figure, value })));
console.log('Faults injected into the functions’ SDK calls (before the SDK’s own retries):');
console.table(Object.entries(injectedFaults).map(([fault, calls]) => ({ fault, calls })));
console.log('Answers the clients got (503 and 409 REQUEST_IN_PROGRESS retried with the same key):');
console.table(Object.entries(statuses).map(([answer, count]) => ({ answer, count })));
const zeros = [
  figures.lostCases,
  figures.duplicateCases,
  figures.lostActions,
  figures.repeatedActions,
  figures.workflowsAtWrongStep,
  figures.missingNotices,
  figures.undeliveredNotices,
  figures.statisticsDifferences,
  unexpected.length,
];
for (const line of unexpected) console.log(`unexpected: ${line}`);
console.log(zeros.every((n) => n === 0) ? 'Soak: all zero.' : 'Soak: NOT all zero (see above).');
process.exit(zeros.every((n) => n === 0) ? 0 : 1);
